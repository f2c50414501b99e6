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
 * to, and each stream is one ReadableStream that pulls the next snapshot only once the last
 * one has been taken (a slow phone skips to the newest, as the feed intends).
 */

const encoder = new TextEncoder();
const sseEvent = (lines: string) => encoder.encode(`${lines}\n\n`);

const connectedEvent = sseEvent(`event: connected\ndata: ${JSON.stringify(sseOptions.client)}`);
const pingEvent = sseEvent("event: ping\ndata: ");
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
export function liveInput(request: Request): unknown {
  const url = new URL(request.url);
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
  const lastEventId = request.headers.get("last-event-id") ?? url.searchParams.get("lastEventId");
  if (lastEventId && typeof input === "object" && input !== null) return { ...input, lastEventId };
  return input;
}

type OpenStream = (input: unknown, signal: AbortSignal) => Promise<AsyncIterable<unknown>>;

/**
 * Streams a subscription's tracked snapshots as server-sent events. `open` calls the procedure
 * (through a caller, so its rules apply); an error there or later ends the stream with tRPC's
 * error event, which the client turns into its usual error (a removed phone sees FORBIDDEN).
 */
export function liveResponse(request: Request, ctx: Context, path: string, open: OpenStream) {
  const abort = new AbortController();
  request.signal.addEventListener("abort", () => abort.abort(), { once: true });
  let input: unknown;
  let iterator: AsyncIterator<unknown> | undefined;
  let ping: ReturnType<typeof setInterval> | undefined;
  let finished = false;

  function finish() {
    if (finished) return;
    finished = true;
    clearInterval(ping);
    abort.abort();
    // Ends the procedure's generator, so its `finally` (presence) runs.
    void iterator?.return?.(undefined)?.catch(() => {});
  }

  function fail(controller: ReadableStreamDefaultController<Uint8Array>, cause: unknown) {
    if (finished) return;
    controller.enqueue(errorEvent(ctx, path, input, cause));
    finish();
    controller.close();
  }

  const stream = new ReadableStream<Uint8Array>({
    async start(controller) {
      controller.enqueue(connectedEvent);
      try {
        input = liveInput(request);
        iterator = (await open(input, abort.signal))[Symbol.asyncIterator]();
      } catch (cause) {
        fail(controller, cause);
        return;
      }
      ping = setInterval(() => {
        if (!finished && (controller.desiredSize ?? 0) > 0) controller.enqueue(pingEvent);
      }, sseOptions.ping.intervalMs);
    },
    async pull(controller) {
      if (!iterator || finished) return;
      try {
        const next = await iterator.next();
        if (finished) return;
        if (next.done) {
          controller.enqueue(returnEvent);
          finish();
          controller.close();
        } else if (isTrackedEnvelope(next.value)) {
          controller.enqueue(trackedEvent(next.value[0], next.value[1]));
        } else {
          throw new Error(`${path} yielded a value without an event id`);
        }
      } catch (cause) {
        fail(controller, cause);
      }
    },
    cancel: finish,
  });

  return new Response(stream, {
    headers: {
      "content-type": "text/event-stream",
      // Not gzipped by `next start`: see the tRPC route.
      "cache-control": "no-cache, no-transform",
      "x-accel-buffering": "no",
    },
  });
}
