import {
  httpBatchLink,
  httpBatchStreamLink,
  httpSubscriptionLink,
  splitLink,
  type TRPCLink,
} from "@trpc/client";
import superjson from "superjson";

import type { AppRouter } from "~/server/api/root";

const url = "/api/trpc";

/**
 * Subscriptions go over server-sent events (one stream each, resumed with the last event id
 * after a drop). Queries stream their batch; mutations don't, because a streamed response has
 * sent its headers before the procedure runs, and joining must set a cookie.
 */
export function trpcLinks(): TRPCLink<AppRouter>[] {
  return [
    splitLink({
      condition: (op) => op.type === "subscription",
      true: httpSubscriptionLink({ url, transformer: superjson }),
      false: splitLink({
        condition: (op) => op.type === "mutation",
        true: httpBatchLink({ url, transformer: superjson, maxItems: 20 }),
        false: httpBatchStreamLink({ url, transformer: superjson, maxItems: 20 }),
      }),
    }),
  ];
}
