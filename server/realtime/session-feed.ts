import { tracked } from "@trpc/server";

import type { EventBus } from "./bus";
import { createCoalescer } from "./coalesce";
import { LatestValue } from "./latest-value";

export interface FeedUpdate<T> {
  /** The latest session event id the snapshot includes; clients resume from it. */
  eventId: number;
  snapshot: T;
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
    try {
      this.latest = await this.load();
    } catch (error) {
      // The database may be restarting; the next signal or resync tries again.
      console.error("[realtime] snapshot load failed:", error);
      return;
    }
    for (const subscriber of this.subscribers) subscriber.push(this.latest);
  }

  async *updates(signal: AbortSignal | undefined): AsyncGenerator<FeedUpdate<T>> {
    const channel = new LatestValue<FeedUpdate<T>>();
    this.subscribers.add(channel);
    const stop = () => channel.close();
    signal?.addEventListener("abort", stop);
    try {
      // Subscribed first, then the current state: nothing that happens in between is missed.
      channel.push(this.latest ?? (this.latest = await this.load()));
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
) {
  for await (const update of feed.updates(signal)) {
    if (String(update.eventId) === lastEventId) continue;
    yield tracked(String(update.eventId), update.snapshot);
  }
}
