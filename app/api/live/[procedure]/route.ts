import { liveResponse } from "~/server/api/live-stream";
import { createRequestContext } from "~/server/api/request-context";
import { appRouter } from "~/server/api/root";
import { env } from "~/server/env";
import {
  crossSiteRefusal,
  isAllowedOrigin,
  requestOriginFromHeaders,
} from "~/server/http/origin-check";

/**
 * The phones' live stream (`participant.live`), where their httpSubscriptionLink points: the
 * same procedure as on /api/trpc, written more cheaply for a room of phones (see live-stream.ts).
 * In production the server answers guests' streams before Next (phone-live-route.ts); this route
 * serves the rest: signed-in people's phones, refusals, and every stream under `next dev`.
 */
export async function GET(
  request: Request,
  { params }: { params: Promise<{ procedure: string }> },
) {
  const { procedure } = await params;
  if (procedure !== "participant.live") return new Response(null, { status: 404 });
  if (!isAllowedOrigin(requestOriginFromHeaders(request.method, request.headers, env.PUBLIC_URL))) {
    return crossSiteRefusal();
  }
  const ctx = await createRequestContext(request.headers);
  // The procedure checks its input itself, as it does behind /api/trpc.
  return liveResponse(request, ctx, procedure, (input, signal) =>
    appRouter.createCaller(ctx, { signal }).participant.live(input as never),
  );
}
