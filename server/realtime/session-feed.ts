import { tracked, TRPCError } from "@trpc/server";
import { z } from "zod";

import type { EventBus } from "./bus";
import { createCoalescer } from "./coalesce";
import { LatestValue } from "./latest-value";

export interface FeedUpdate<T> {
  /** The latest session event id the snapshot includes; clients resume from it. */
  eventId: number;
  snapshot: T;
  /** Participants removed from the session: their streams end. Never sent to clients. */
  removed?: ReadonlySet<string>;
}

/** Pushes per session are at most this often. */
export const feedIntervalMs = 200;

/**
 * One feed per session and view in each app process. Bus signals are coalesced; each flush loads
 * the snapshot once and hands the same object to every local subscriber, so the cost of a
 * change grows with the number of subscribers, not subscribers × changes.
 */
class SessionFeed<T> {
  private readonly subscribers = new Set<LatestValue<FeedUpdate<T>>>();
  private latest: FeedUpdate<T> | undefined;
  private readonly coalescer = createCoalescer(() => this.refresh(), feedIntervalMs);
  private readonly stopListening: () => void;
  private readonly stopResync: () => void;

  constructor(
    bus: EventBus,
    sessionId: string,
    private readonly load: () => Promise<FeedUpdate<T>>,
    private readonly onEmpty: () => void,
  ) {
    this.stopListening = bus.subscribe(sessionId, () => this.coalescer.trigger());
    this.stopResync = bus.onResync(() => this.coalescer.trigger());
  }

  private async refresh() {
    let update: FeedUpdate<T>;
    try {
      update = await this.load();
    } catch (error) {
      // The database may be restarting; the next signal or resync tries again.
      console.error("[realtime] snapshot load failed:", error);
      return;
    }
    if (!this.keep(update)) return;
    for (const subscriber of this.subscribers) subscriber.push(update);
  }

  /** Keeps an update as the latest unless a newer one arrived while it loaded. */
  private keep(update: FeedUpdate<T>) {
    if (this.latest && this.latest.eventId > update.eventId) return false;
    this.latest = update;
    return true;
  }

  async *updates(signal: AbortSignal | undefined): AsyncGenerator<FeedUpdate<T>> {
    const channel = new LatestValue<FeedUpdate<T>>();
    this.subscribers.add(channel);
    const stop = () => channel.close();
    // The client may have gone before this line: then there is nothing to wait for.
    if (signal?.aborted) stop();
    signal?.addEventListener("abort", stop);
    try {
      // Subscribed first, then the current state: nothing that happens in between is missed.
      if (!this.latest) this.keep(await this.load());
      channel.push(this.latest!);
      for (;;) {
        const update = await channel.next();
        if (!update) return;
        yield update;
      }
    } finally {
      signal?.removeEventListener("abort", stop);
      this.subscribers.delete(channel);
      if (this.subscribers.size === 0) this.dispose();
    }
  }

  private dispose() {
    this.coalescer.cancel();
    this.stopListening();
    this.stopResync();
    this.onEmpty();
  }
}

const key = Symbol.for("practica.sessionFeeds");
type GlobalWithFeeds = typeof globalThis & { [key]?: Map<string, SessionFeed<unknown>> };

/** The process's feed of one session and view, created on first use, dropped when unused. */
export function sessionFeed<T>(
  bus: EventBus,
  sessionId: string,
  view: string,
  load: () => Promise<FeedUpdate<T>>,
) {
  const g = globalThis as GlobalWithFeeds;
  const feeds = (g[key] ??= new Map());
  const id = `${sessionId}:${view}`;
  let feed = feeds.get(id) as SessionFeed<T> | undefined;
  if (!feed) {
    feed = new SessionFeed<T>(bus, sessionId, load, () => feeds.delete(id));
    feeds.set(id, feed);
  }
  return feed;
}

/**
 * A feed as a tRPC subscription stream: each snapshot tracked by its event id, skipping the one
 * a reconnecting client says it already has.
 */
export async function* trackedUpdates<T>(
  feed: { updates(signal: AbortSignal | undefined): AsyncGenerator<FeedUpdate<T>> },
  signal: AbortSignal | undefined,
  lastEventId: string | null | undefined,
  /** The participant watching, whose stream ends once the facilitator removes them. */
  participantId?: string,
) {
  for await (const update of feed.updates(signal)) {
    if (participantId && update.removed?.has(participantId)) {
      throw new TRPCError({
        code: "FORBIDDEN",
        message: "The facilitator removed you from this session.",
      });
    }
    if (String(update.eventId) === lastEventId) continue;
    yield tracked(String(update.eventId), update.snapshot);
  }
}

/** The input a resuming subscription sends: the id of the last snapshot it received. */
export const resumeInput = z.object({ lastEventId: z.string().max(24).nullish() });
