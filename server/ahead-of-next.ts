import "server-only";

import type { IncomingMessage, ServerResponse } from "node:http";

import { guestContext } from "./api/guest-context";
import { answerGuestTrpc } from "./api/guest-trpc-route";
import { answerPhoneLive } from "./api/phone-live-route";

/** Answers a request itself (true) or leaves it to Next (false). */
export type AheadOfNext = (request: IncomingMessage, response: ServerResponse) => boolean;

/** Where scripts/server.mjs finds it: that server is plain JavaScript outside Next's bundle. */
const key = Symbol.for("practica.answerAheadOfNext");

/**
 * What the production server answers before Next's request pipeline: the phones' traffic, which
 * a room sends by the thousand (the live stream and their tRPC calls; their files say why).
 */
const answerAheadOfNext: AheadOfNext = (request, response) =>
  answerPhoneLive(request, response, guestContext) ||
  answerGuestTrpc(request, response, guestContext);

/** Hands it to the production server; called once at start-up (instrumentation.ts). */
export function publishAheadOfNext() {
  (globalThis as typeof globalThis & { [key]?: AheadOfNext })[key] = answerAheadOfNext;
}
