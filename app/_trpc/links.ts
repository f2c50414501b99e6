import { httpBatchStreamLink, httpSubscriptionLink, splitLink, type TRPCLink } from "@trpc/client";
import superjson from "superjson";

import type { AppRouter } from "~/server/api/root";

/**
 * Subscriptions go over server-sent events (one stream per subscription, resumed with the last
 * event id after a drop); queries and mutations are batched over one streaming request.
 */
export function trpcLinks(): TRPCLink<AppRouter>[] {
  return [
    splitLink({
      condition: (op) => op.type === "subscription",
      true: httpSubscriptionLink({ url: "/api/trpc", transformer: superjson }),
      false: httpBatchStreamLink({ url: "/api/trpc", transformer: superjson }),
    }),
  ];
}
