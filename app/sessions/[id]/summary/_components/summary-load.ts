import "server-only";

import { TRPCError } from "@trpc/server";
import { notFound, redirect } from "next/navigation";
import { cache } from "react";

import { serverCaller } from "../../../../_trpc/server";

/**
 * A session's summary, if the caller may see it. Signed-out visitors go to sign in and come
 * back; another team's session, an unknown one and a malformed id all end in the same 404.
 */
export const loadSummary = cache(async (sessionId: string) => {
  try {
    return await (await serverCaller()).summary.byId({ sessionId });
  } catch (error) {
    if (error instanceof TRPCError && error.code === "UNAUTHORIZED") {
      redirect(
        `/sign-in?next=${encodeURIComponent(`/sessions/${encodeURIComponent(sessionId)}/summary`)}`,
      );
    }
    if (
      error instanceof TRPCError &&
      (error.code === "NOT_FOUND" || error.code === "BAD_REQUEST" || error.code === "FORBIDDEN")
    ) {
      notFound();
    }
    throw error;
  }
});

export type Summary = Awaited<ReturnType<typeof loadSummary>>;
