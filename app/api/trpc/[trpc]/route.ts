import { createRequestContext } from "~/server/api/request-context";
import { answerTrpc } from "~/server/api/trpc-http";

/** Signed-in people's calls (and everyone's under `next dev`); phones' go ahead of Next. */
function handler(request: Request) {
  return answerTrpc(request, (responseHeaders) =>
    createRequestContext(request.headers, responseHeaders),
  );
}

export { handler as GET, handler as POST };
