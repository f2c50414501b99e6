import "server-only";

import { notFound, redirect } from "next/navigation";

import { getCurrentUser } from "~/server/auth/current-user";
import { isAdmin } from "~/server/auth/policy";

/**
 * The signed-in admin, for admin pages. Anonymous visitors go to sign-in and come back; anyone
 * else gets the same 404 as an unknown address, so the pages don't announce themselves. The
 * procedures behind the pages check again (adminProcedure); this only shapes the page.
 */
export async function requireAdmin(path: string) {
  const user = await getCurrentUser();
  if (!user) redirect(`/sign-in?next=${encodeURIComponent(path)}`);
  if (!isAdmin(user)) notFound();
  return user;
}

/**
 * For the layout, which can't know the page's address: who may see the admin area at all.
 * Anonymous visitors are left to the page (it redirects with its own address) or, for a page
 * that doesn't check, to the client-side redirect the layout shows.
 */
export async function adminAreaAccess(): Promise<"admin" | "anonymous"> {
  const user = await getCurrentUser();
  if (!user) return "anonymous";
  if (!isAdmin(user)) notFound();
  return "admin";
}

/** A page's `?q=` and `?page=`, cut to what the procedures accept instead of failing on them. */
export function listParams(params: { q?: string | string[]; page?: string | string[] }) {
  const q = typeof params.q === "string" ? params.q.trim().slice(0, 100) : "";
  const page = Number(typeof params.page === "string" ? params.page : "1");
  return { search: q, page: Number.isInteger(page) && page >= 1 && page <= 10_000 ? page : 1 };
}
