import "server-only";

import { TRPCError } from "@trpc/server";
import { notFound, redirect } from "next/navigation";
import { cache } from "react";

import { getCurrentUser } from "~/server/auth/current-user";

import { serverCaller } from "../../_trpc/server";

/**
 * The session a facilitator runs, for the console and the presenter pages. Signed-out visitors go
 * to sign in and come back; anyone else who may not run it (another team, a plain member, a
 * malformed id) gets the same "not found", so the page doesn't reveal which sessions exist.
 */
export const loadFacilitatedSession = cache(async (sessionId: string, returnTo: string) => {
  const user = await getCurrentUser();
  if (!user) redirect(`/sign-in?next=${encodeURIComponent(returnTo)}`);
  try {
    return await (await serverCaller()).session.byId({ sessionId });
  } catch (error) {
    if (
      error instanceof TRPCError &&
      (error.code === "NOT_FOUND" || error.code === "FORBIDDEN" || error.code === "BAD_REQUEST")
    ) {
      notFound();
    }
    throw error;
  }
});
