import { createTRPCClient, httpSubscriptionLink } from "@trpc/client";
import superjson from "superjson";

import type { AppRouter } from "~/server/api/root";

/**
 * The big screen only listens: one subscription over server-sent events, with the plain tRPC
 * client (no query cache, no other links), so the page has little script to run on load.
 */
let client: ReturnType<typeof createTRPCClient<AppRouter>> | undefined;
export function presenterClient() {
  return (client ??= createTRPCClient<AppRouter>({
    links: [httpSubscriptionLink({ url: "/api/trpc", transformer: superjson })],
  }));
}
