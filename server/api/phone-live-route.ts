import "server-only";

import type { IncomingMessage, ServerResponse } from "node:http";

import { env } from "../env";
import { apiHeaders, drained, headersOf } from "../http/node-bridge";
import { isAllowedOrigin, requestOriginFromHeaders } from "../http/origin-check";
import type { GuestContextOf } from "./guest-context";
import { liveEvents, livePing, liveStreamHeaders } from "./live-stream";
import { appRouter } from "./root";

/** Where the phones' httpSubscriptionLink opens participant.live (app/_trpc/links.ts). */
const phoneLivePath = "/api/live/participant.live";

const responseHeaders = { ...apiHeaders, ...liveStreamHeaders };

/**
 * The phones' live stream, answered by the production server (scripts/server.mjs) before Next's
 * request pipeline. Through Next's route handler, every open stream kept that pipeline's state
 * alive for as long as the phone stayed: request and response wrappers, web streams and ~160
 * closures, ~70 KB a phone, which at 2,000 phones was most of the server's heap and made each
 * full garbage collection hold ballots up for a few hundred milliseconds. Here a stream is Node's
 * response and one async generator.
 *
 * It takes only what it answers exactly as Next's route would (app/api/live/[procedure]): a guest's
 * GET (server/ahead-of-next.ts sends only those) that passes the cross-site check. Everything else
 * goes on to Next, which answers or refuses it.
 */
export function answerPhoneLive(
  request: IncomingMessage,
  response: ServerResponse,
  contextOf: GuestContextOf,
): boolean {
  if (request.method !== "GET" || !request.url?.startsWith(phoneLivePath)) return false;
  const url = new URL(request.url, env.PUBLIC_URL);
  if (url.pathname !== phoneLivePath) return false;
  const headers = headersOf(request);
  if (!isAllowedOrigin(requestOriginFromHeaders("GET", headers, env.PUBLIC_URL))) return false;

  const ctx = contextOf(headers, new Headers());
  const abort = new AbortController();
  const events = liveEvents(
    { url, headers },
    ctx,
    "participant.live",
    (input, signal) => appRouter.createCaller(ctx, { signal }).participant.live(input as never),
    abort.signal,
  );
  void writeEvents(events, response, abort).catch((error: unknown) => {
    console.error("[live] phone stream failed:", error);
    response.destroy();
  });
  return true;
}

/**
 * Writes each event as it comes, waiting for the phone to take the last one before asking for
 * the next. The phone leaving aborts the procedure's wait, which ends the events.
 */
async function writeEvents(
  events: AsyncGenerator<Uint8Array>,
  response: ServerResponse,
  abort: AbortController,
) {
  response.writeHead(200, responseHeaders);
  const ping = setInterval(() => {
    if (!response.writableNeedDrain) response.write(livePing.event);
  }, livePing.intervalMs);
  response.once("close", () => {
    clearInterval(ping);
    abort.abort();
  });
  for await (const event of events) {
    if (response.destroyed) continue;
    response.write(event);
    await drained(response);
  }
  clearInterval(ping);
  if (!response.destroyed) response.end();
}
