import { createTRPCClient } from "@trpc/client";

import type { AppRouter } from "~/server/api/root";

import { presenterLinks } from "../../../_trpc/links";

/**
 * The big screen only listens: one subscription over server-sent events, with the plain tRPC
 * client (no query cache, no other links), so the page has little script to run on load.
 */
let client: ReturnType<typeof createTRPCClient<AppRouter>> | undefined;
export function presenterClient() {
  return (client ??= createTRPCClient<AppRouter>({ links: presenterLinks() }));
}
