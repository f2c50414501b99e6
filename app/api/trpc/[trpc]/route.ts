import { fetchRequestHandler } from "@trpc/server/adapters/fetch";

import { createRequestContext } from "~/server/api/request-context";
import { appRouter } from "~/server/api/root";

function handler(request: Request) {
  return fetchRequestHandler({
    endpoint: "/api/trpc",
    req: request,
    router: appRouter,
    // Bounds the work one request can ask for (the client links batch at most this many).
    maxBatchSize: 20,
    createContext: ({ resHeaders }) => createRequestContext(request.headers, resHeaders),
    onError({ error, path }) {
      if (error.code === "INTERNAL_SERVER_ERROR")
        console.error(`[trpc] ${path ?? "?"}:`, error.cause ?? error);
    },
  });
}

export { handler as GET, handler as POST };
