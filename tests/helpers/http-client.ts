import { createTRPCClient, httpBatchLink, httpSubscriptionLink, splitLink } from "@trpc/client";
import { EventSource } from "eventsource";
import superjson from "superjson";

import { phoneLiveUrl } from "~/app/_trpc/links";
import type { AppRouter } from "~/server/api/root";

/** The cookies one simulated browser holds, updated from every response's Set-Cookie. */
export class CookieJar {
  private readonly cookies = new Map<string, string>();

  header() {
    return [...this.cookies].map(([name, value]) => `${name}=${value}`).join("; ");
  }

  store(response: Response) {
    for (const line of response.headers.getSetCookie()) {
      const [pair] = line.split(";");
      const eq = pair!.indexOf("=");
      this.cookies.set(pair!.slice(0, eq).trim(), pair!.slice(eq + 1).trim());
    }
  }

  /** A fetch that sends and keeps this jar's cookies. */
  fetch: typeof fetch = async (input, init) => {
    const headers = new Headers(init?.headers);
    const cookie = this.header();
    if (cookie) headers.set("cookie", cookie);
    const response = await fetch(input, { ...init, headers });
    this.store(response);
    return response;
  };
}

/**
 * A real tRPC client over HTTP, like a phone's: queries and mutations over fetch,
 * subscriptions over server-sent events (httpSubscriptionLink), with its own cookie jar.
 */
export function createHttpClient(baseUrl: string, jar = new CookieJar()) {
  const subscriptions = (path: string) =>
    httpSubscriptionLink({
      url: `${baseUrl}${path}`,
      transformer: superjson,
      EventSource,
      eventSourceOptions: () => ({ fetch: jar.fetch }),
    });
  const client = createTRPCClient<AppRouter>({
    links: [
      splitLink({
        condition: (op) => op.type === "subscription",
        // The phone's stream where the app's phones listen (app/_trpc/links.ts).
        true: splitLink({
          condition: (op) => op.path === "participant.live",
          true: subscriptions(phoneLiveUrl),
          false: subscriptions("/api/trpc"),
        }),
        false: httpBatchLink({
          url: `${baseUrl}/api/trpc`,
          transformer: superjson,
          fetch: jar.fetch,
        }),
      }),
    ],
  });
  return { client, jar };
}
