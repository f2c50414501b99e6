import "server-only";

import {
  getTRPCErrorFromUnknown,
  getTRPCErrorShape,
  isTrackedEnvelope,
  TRPCError,
} from "@trpc/server";
import superjson, { type SuperJSONResult } from "superjson";

import { appRouter } from "./root";
import { sseOptions, type Context } from "./trpc";

/*
 * The phones' live stream, served in tRPC's server-sent-events protocol (what
 * httpSubscriptionLink reads) without tRPC's HTTP layer. The procedure is still called through
 * the router, so its input checks and access rules are the same ones; only the writing differs.
 * tRPC's writer serializes every push once per subscriber and sends it through a chain of async
 * generators and web streams, three chunks a message: at 2,000 phones a push cost ~1 ms of CPU
 * and ~130 KB of memory per phone. Here a snapshot is encoded once for all the phones it goes
 * to. The events are written either as a web Response (Next's route handler) or straight to
 * Node's response (phone-live-route.ts, ahead of Next's request pipeline).
 */

const encoder = new TextEncoder();
const sseEvent = (lines: string) => encoder.encode(`${lines}\n\n`);

const connectedEvent = sseEvent(`event: connected\ndata: ${JSON.stringify(sseOptions.client)}`);
const returnEvent = sseEvent("event: return\ndata: ");

// The feed hands the same snapshot object to every subscriber of a view, so it is the key.
const encodedSnapshots = new WeakMap<object, Uint8Array>();

function trackedEvent(id: string, data: unknown) {
  const encode = () => sseEvent(`id: ${id}\ndata: ${JSON.stringify(superjson.serialize(data))}`);
  if (typeof data !== "object" || data === null) return encode();
  let bytes = encodedSnapshots.get(data);
  if (!bytes) encodedSnapshots.set(data, (bytes = encode()));
  return bytes;
}

/** An error as tRPC's own writer sends it: the router's error shape, in the caller's language. */
function errorEvent(ctx: Context, path: string, input: unknown, cause: unknown) {
  const error = getTRPCErrorFromUnknown(cause);
  if (error.code === "INTERNAL_SERVER_ERROR")
    console.error(`[trpc] ${path}:`, error.cause ?? error);
  const shape = getTRPCErrorShape({
    config: appRouter._def._config,
    ctx,
    error,
    input,
    path,
    type: "subscription",
  });
  return sseEvent(`event: serialized-error\ndata: ${JSON.stringify(superjson.serialize(shape))}`);
}

/** The subscription's input from the URL, with the id a resuming EventSource sends. */
function liveInput(url: URL, headers: Headers): unknown {
  const raw = url.searchParams.get("input");
  let input: unknown;
  try {
    input = raw === null ? undefined : superjson.deserialize(JSON.parse(raw) as SuperJSONResult);
  } catch (cause) {
    throw new TRPCError({
      code: "PARSE_ERROR",
      message: "The stream's input is not valid JSON.",
      cause,
    });
  }
  const lastEventId = headers.get("last-event-id") ?? url.searchParams.get("lastEventId");
  if (lastEventId && typeof input === "object" && input !== null) return { ...input, lastEventId };
  return input;
}

type OpenStream = (input: unknown, signal: AbortSignal) => Promise<AsyncIterable<unknown>>;

/** What a live stream answers with, besides the security headers every API response carries. */
export const liveStreamHeaders = {
  "content-type": "text/event-stream",
  // Not gzipped: see the tRPC route.
  "cache-control": "no-cache, no-transform",
  "x-accel-buffering": "no",
} as const;

/** Sent while a stream is quiet, so that neither proxies nor the client give up on it. */
export const livePing = {
  event: sseEvent("event: ping\ndata: "),
  intervalMs: sseOptions.ping.intervalMs,
};

/**
 * A subscription's events, encoded: `open` calls the procedure (through a caller, so its rules
 * apply); an error there or later ends the stream with tRPC's error event, which the client
 * turns into its usual error (a removed phone sees FORBIDDEN). The next snapshot is awaited only
 * when the last one has been taken, so a slow phone skips to the newest, as the feed intends.
 * Aborting `signal` ends the procedure's wait; the procedure's `finally` (presence) always runs.
 */
export async function* liveEvents(
  request: { url: URL; headers: Headers },
  ctx: Context,
  path: string,
  open: OpenStream,
  signal: AbortSignal,
): AsyncGenerator<Uint8Array> {
  yield connectedEvent;
  let input: unknown;
  let iterator: AsyncIterator<unknown> | undefined;
  try {
    input = liveInput(request.url, request.headers);
    iterator = (await open(input, signal))[Symbol.asyncIterator]();
    for (;;) {
      const next = await iterator.next();
      if (next.done) break;
      if (!isTrackedEnvelope(next.value)) {
        throw new Error(`${path} yielded a value without an event id`);
      }
      yield trackedEvent(next.value[0], next.value[1]);
    }
  } catch (cause) {
    yield errorEvent(ctx, path, input, cause);
    return;
  } finally {
    void iterator?.return?.(undefined)?.catch(() => {});
  }
  yield returnEvent;
}

/** The stream as a web Response, for Next's route handler (`next dev`, and signed-in phones). */
export function liveResponse(request: Request, ctx: Context, path: string, open: OpenStream) {
  const abort = new AbortController();
  request.signal.addEventListener("abort", () => abort.abort(), { once: true });
  const events = liveEvents(
    { url: new URL(request.url), headers: request.headers },
    ctx,
    path,
    open,
    abort.signal,
  );
  let ping: ReturnType<typeof setInterval> | undefined;
  let finished = false;

  function finish() {
    if (finished) return;
    finished = true;
    clearInterval(ping);
    abort.abort();
    void events.return(undefined).catch(() => {});
  }

  const stream = new ReadableStream<Uint8Array>({
    start(controller) {
      ping = setInterval(() => {
        if (!finished && (controller.desiredSize ?? 0) > 0) controller.enqueue(livePing.event);
      }, livePing.intervalMs);
    },
    async pull(controller) {
      const next = await events.next();
      if (finished) return;
      if (next.done) {
        finish();
        controller.close();
      } else {
        controller.enqueue(next.value);
      }
    },
    cancel: finish,
  });

  return new Response(stream, { headers: liveStreamHeaders });
}
