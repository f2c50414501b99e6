import "server-only";

import type { IncomingMessage, ServerResponse } from "node:http";

import { incomingMessageToRequest } from "@trpc/server/adapters/node-http";

import { forwardedAsNextDoes, sendWebResponse } from "../http/node-bridge";
import type { GuestContextOf } from "./guest-context";
import { answerTrpc } from "./trpc-http";

const trpcPath = "/api/trpc/";
/** Phones send names, notes and ballots; no call of theirs comes near this. */
const maxBodyBytes = 256 * 1024;

/**
 * A phone's tRPC call, answered by the production server (scripts/server.mjs) before Next's
 * request pipeline, through the same endpoint code as Next's route (trpc-http.ts). Next's routing,
 * request and response wrappers and web-stream piping cost ~1.5 ms of CPU a request on the
 * reference machine, more than a ballot's own work; with 2,000 phones voting that kept the
 * server near a full core. Only calls without an account cookie come here (server/ahead-of-next.ts):
 * reading an account needs Next's request scope, so signed-in people's calls go to Next's route.
 */
export function answerGuestTrpc(
  request: IncomingMessage,
  response: ServerResponse,
  contextOf: GuestContextOf,
): boolean {
  if (!request.url?.startsWith(trpcPath)) return false;
  void answer(request, response, contextOf).catch((error: unknown) => {
    console.error("[trpc] guest request failed:", error);
    if (!response.headersSent) response.writeHead(500);
    response.end();
  });
  return true;
}

async function answer(
  request: IncomingMessage,
  response: ServerResponse,
  contextOf: GuestContextOf,
) {
  forwardedAsNextDoes(request);
  const webRequest = incomingMessageToRequest(request, response, { maxBodySize: maxBodyBytes });
  const answered = await answerTrpc(webRequest, (responseHeaders) =>
    contextOf(webRequest.headers, responseHeaders),
  );
  await sendWebResponse(answered, response);
}
