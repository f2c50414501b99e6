import "server-only";

import { fetchRequestHandler } from "@trpc/server/adapters/fetch";

import { env } from "../env";
import { crossSiteRefusal, isAllowedOrigin, requestOriginFromHeaders } from "../http/origin-check";
import { appRouter } from "./root";
import type { Context } from "./trpc";

/**
 * Answers a request to the tRPC endpoint. Next's route handler (app/api/trpc) and the production
 * server's guest path (guest-trpc-route.ts) both answer through here; only how they make the
 * context differs.
 */
export async function answerTrpc(
  request: Request,
  createContext: (responseHeaders: Headers) => Context | Promise<Context>,
) {
  // Before any procedure runs: a forged request must not even count towards rate limits.
  if (!isAllowedOrigin(requestOriginFromHeaders(request.method, request.headers, env.PUBLIC_URL))) {
    return crossSiteRefusal();
  }
  const response = await fetchRequestHandler({
    endpoint: "/api/trpc",
    req: request,
    router: appRouter,
    // Bounds the work one request can ask for (the client links batch at most this many).
    maxBatchSize: 20,
    createContext: ({ resHeaders }) => createContext(resHeaders),
    onError({ error, path }) {
      if (error.code === "INTERNAL_SERVER_ERROR")
        console.error(`[trpc] ${path ?? "?"}:`, error.cause ?? error);
    },
  });
  // `next start` gzips compressible responses, event streams included: one deflate context per
  // open stream (hundreds of KB each) and a compression pass per push per phone. Snapshots are
  // small; "no-transform" tells the compressor to leave live streams alone. Mutations answer in a
  // few dozen bytes, where gzip costs a room's ballots CPU and saves nothing.
  if (response.headers.get("content-type")?.startsWith("text/event-stream")) {
    response.headers.set("cache-control", "no-cache, no-transform");
  } else if (request.method === "POST") {
    response.headers.set("cache-control", "no-store, no-transform");
  }
  return response;
}
