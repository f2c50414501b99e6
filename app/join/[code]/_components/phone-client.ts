import { createTRPCClient } from "@trpc/client";

import type { AppRouter } from "~/server/api/root";

import { phoneLinks } from "../../../_trpc/links";

/**
 * Phones use the plain tRPC client without TanStack Query: one subscription and a few mutations
 * don't need a cache, and the page stays light on old phones.
 */
let client: ReturnType<typeof createTRPCClient<AppRouter>> | undefined;
export function phoneClient() {
  return (client ??= createTRPCClient<AppRouter>({ links: phoneLinks() }));
}

/** The sentence of a failed call, for people. */
export function errorMessage(error: unknown) {
  return error instanceof Error && error.message
    ? error.message
    : "That didn't work. Check your connection and try again.";
}
