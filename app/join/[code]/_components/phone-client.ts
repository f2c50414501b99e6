import { createTRPCClient } from "@trpc/client";

import type { AppRouter } from "~/server/api/root";

import { readableError } from "../../../facilitate/_lib/live-actions";
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
export const errorMessage = readableError;
