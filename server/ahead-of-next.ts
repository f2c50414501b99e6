import "server-only";

import type { IncomingMessage, ServerResponse } from "node:http";

import { guestContext, type GuestContextOf } from "./api/guest-context";
import { answerGuestTrpc } from "./api/guest-trpc-route";
import { answerPhoneLive } from "./api/phone-live-route";
import { hasAccountCookie } from "./auth/session-cookie";
import { parseCookies } from "./http/cookies";

/** Answers a request itself (true) or leaves it to Next (false). */
export type AheadOfNext = (request: IncomingMessage, response: ServerResponse) => boolean;

/** Where scripts/server.mjs finds it: that server is plain JavaScript outside Next's bundle. */
const key = Symbol.for("practica.answerAheadOfNext");

/**
 * What the production server answers before Next's request pipeline: the phones' traffic, which
 * a room sends by the thousand (the live stream and their tRPC calls; their files say why). Only
 * requests without an account cookie: reading an account needs Next's request scope, so
 * signed-in people's requests go on to Next, which answers them as it always did.
 */
export function aheadOfNext(contextOf: GuestContextOf): AheadOfNext {
  return (request, response) =>
    request.url?.startsWith("/api/") === true &&
    !hasAccountCookie(parseCookies(request.headers.cookie ?? null).keys()) &&
    (answerPhoneLive(request, response, contextOf) ||
      answerGuestTrpc(request, response, contextOf));
}

/** Hands it to the production server; called once at start-up (instrumentation.ts). */
export function publishAheadOfNext() {
  (globalThis as typeof globalThis & { [key]?: AheadOfNext })[key] = aheadOfNext(guestContext);
}
