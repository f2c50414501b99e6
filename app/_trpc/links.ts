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
/** The server refuses bigger batches (maxBatchSize in the route handler). */
const maxItems = 20;

const subscriptions = () => httpSubscriptionLink({ url, transformer: superjson });

/** Where phones hold their one stream, participant.live (see app/api/live). */
export const phoneLiveUrl = "/api/live";
const batched = () => httpBatchLink({ url, transformer: superjson, maxItems });

/**
 * Subscriptions go over server-sent events (one stream each, resumed with the last event id
 * after a drop). Queries stream their batch; mutations don't, because a streamed response has
 * sent its headers before the procedure runs, and joining must set a cookie.
 */
export function trpcLinks(): TRPCLink<AppRouter>[] {
  return [
    splitLink({
      condition: (op) => op.type === "subscription",
      true: subscriptions(),
      false: splitLink({
        condition: (op) => op.type === "mutation",
        true: batched(),
        false: httpBatchStreamLink({ url, transformer: superjson, maxItems }),
      }),
    }),
  ];
}

/** The big screen only listens: its one subscription, nothing else. */
export function presenterLinks(): TRPCLink<AppRouter>[] {
  return [subscriptions()];
}

/** A phone only subscribes and sends a few mutations: no streaming link to download. */
export function phoneLinks(): TRPCLink<AppRouter>[] {
  return [
    splitLink({
      condition: (op) => op.type === "subscription",
      true: httpSubscriptionLink({ url: phoneLiveUrl, transformer: superjson }),
      false: batched(),
    }),
  ];
}
