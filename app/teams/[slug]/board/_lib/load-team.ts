import "server-only";

import { TRPCError } from "@trpc/server";
import { notFound, redirect } from "next/navigation";
import { cache } from "react";

import { serverCaller } from "../../../../_trpc/server";

export const boardPath = (slug: string) => `/teams/${encodeURIComponent(slug)}/board`;

/** One lookup per request, shared by the layout's check, the metadata and the page. */
const teamBySlug = cache(async (slug: string) => (await serverCaller()).team.bySlug({ slug }));

/**
 * The team, if the caller may see it: signed-out visitors sign in and come back to `returnTo`;
 * another team's slug and an unknown one both end in the same 404, as on the team page.
 */
export async function loadTeam(slug: string, returnTo: string) {
  try {
    return await teamBySlug(slug);
  } catch (error) {
    if (error instanceof TRPCError && error.code === "UNAUTHORIZED") {
      redirect(`/sign-in?next=${encodeURIComponent(returnTo)}`);
    }
    if (
      error instanceof TRPCError &&
      (error.code === "NOT_FOUND" || error.code === "BAD_REQUEST")
    ) {
      notFound();
    }
    throw error;
  }
}
