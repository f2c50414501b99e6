import "server-only";

import { headers } from "next/headers";
import { notFound, redirect } from "next/navigation";

import { getCurrentUser } from "~/server/auth/current-user";
import { isAdmin } from "~/server/auth/policy";
import { requestPathHeader, returnPathWithin } from "~/server/http/request-path";

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
 * For the layout, before admin/loading.tsx starts streaming the page (a redirect or 404 decided
 * after that would reach the browser as a 200): anonymous visitors go to sign-in and come back
 * to the address they asked for, which only proxy.ts's header tells a layout; anyone else who
 * isn't an admin gets the 404.
 */
export async function requireAdminArea() {
  const user = await getCurrentUser();
  if (!user) {
    const requested = (await headers()).get(requestPathHeader);
    redirect(`/sign-in?next=${encodeURIComponent(returnPathWithin(requested, "/admin"))}`);
  }
  if (!isAdmin(user)) notFound();
  return user;
}

/** A page's `?q=` and `?page=`, cut to what the procedures accept instead of failing on them. */
export function listParams(params: { q?: string | string[]; page?: string | string[] }) {
  const q = typeof params.q === "string" ? params.q.trim().slice(0, 100) : "";
  const page = Number(typeof params.page === "string" ? params.page : "1");
  return { search: q, page: Number.isInteger(page) && page >= 1 && page <= 10_000 ? page : 1 };
}
