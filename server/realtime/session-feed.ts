import { tracked, type TrackedEnvelope } from "@trpc/server";
import { z } from "zod";

import { localizedTRPCError } from "../i18n/localized-error";
import { textInput } from "../text-input";

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
 * What one kind of screen is shown of a snapshot. Screens that show less skip the pushes that
 * change nothing they show: a phone that does not show turnout is not sent a snapshot per ballot.
 */
export type FeedView<T> = (snapshot: T) => unknown;
// Views are told apart by identity: pass a module-level function, not a new one per subscriber.

const wholeSnapshot: FeedView<unknown> = (snapshot) => snapshot;

/**
 * A view's pushes are spaced by at least this much per subscriber (within the bounds below), so a
 * crowd's feed sends at most ~4,000 snapshots a second per process however fast the room changes,
 * while a presenter or console (a few subscribers) still gets every change within 200 ms.
 */
const pushSpacingPerSubscriberMs = 0.25;
/** Subscribers woken at once when a view is pushed; see ViewGroup.push. */
const pushSliceSize = 200;
const maxPushIntervalMs = 500;

/** The subscribers of one view, and the last update they were sent. */
class ViewGroup<T> {
  readonly subscribers = new Set<LatestValue<FeedUpdate<unknown>>>();
  latest: FeedUpdate<unknown> | undefined;
  private latestJson: string | undefined;
  private lastPushAt = -Infinity;
  private timer: ReturnType<typeof setTimeout> | undefined;

  constructor(readonly view: FeedView<T>) {}

  /** The update as this view shows it, or undefined when it shows the same as the last one. */
  project(update: FeedUpdate<T>): FeedUpdate<unknown> | undefined {
    const snapshot = this.view(update.snapshot);
    // One serialization per view and flush (not per subscriber) tells whether anything changed.
    const json = JSON.stringify(snapshot);
    const removedChanged = (update.removed?.size ?? 0) !== (this.latest?.removed?.size ?? 0);
    if (this.latest && json === this.latestJson && !removedChanged) return undefined;
    this.latestJson = json;
    this.latest = { eventId: update.eventId, snapshot, removed: update.removed };
    return this.latest;
  }

  /** Sends a new update to every subscriber: now, or once this view's spacing has passed. */
  offer(update: FeedUpdate<T>) {
    if (!this.project(update)) return;
    const interval = Math.min(
      maxPushIntervalMs,
      Math.max(feedIntervalMs, this.subscribers.size * pushSpacingPerSubscriberMs),
    );
    const wait = this.lastPushAt + interval - Date.now();
    if (wait <= 0) this.push();
    // The timer sends whatever is latest when it fires, so nothing newer is held back.
    else this.timer ??= setTimeout(() => this.push(), wait);
  }

  private push() {
    clearTimeout(this.timer);
    this.timer = undefined;
    this.lastPushAt = Date.now();
    const update = this.latest!;
    const subscribers = [...this.subscribers];
    // Each push wakes a subscriber's stream, and all that work runs before the process reads
    // its sockets again. A room of 2,000 phones sent the round in one go held every ballot cast
    // meanwhile for ~0.4 s; in slices, requests are read between them.
    const sendSlice = (from: number) => {
      // A newer update has gone (or is going) to everyone: this one is out of date.
      if (this.latest !== update) return;
      for (const subscriber of subscribers.slice(from, from + pushSliceSize)) {
        subscriber.push(update);
      }
      if (from + pushSliceSize < subscribers.length) {
        setImmediate(() => sendSlice(from + pushSliceSize));
      }
    };
    sendSlice(0);
  }

  close() {
    clearTimeout(this.timer);
  }
}

/**
 * One feed per session and view in each app process. Bus signals are coalesced; each flush loads
 * the snapshot once and hands the same object to every local subscriber of a view, so the
 * cost of a change grows with the number of subscribers, not subscribers × changes, and a view
 * that shows nothing new is not pushed at all.
 */
class SessionFeed<T> {
  private readonly groups = new Map<FeedView<T>, ViewGroup<T>>();
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
    for (const group of this.groups.values()) group.offer(update);
  }

  /** Keeps an update as the latest unless a newer one arrived while it loaded. */
  private keep(update: FeedUpdate<T>) {
    if (this.latest && this.latest.eventId > update.eventId) return false;
    this.latest = update;
    return true;
  }

  private groupOf(view: FeedView<T>) {
    let group = this.groups.get(view);
    if (!group) this.groups.set(view, (group = new ViewGroup(view)));
    return group;
  }

  /** The updates of one view (the whole snapshot unless a view is given), latest first. */
  async *updates<V = T>(
    signal: AbortSignal | undefined,
    view?: (snapshot: T) => V,
  ): AsyncGenerator<FeedUpdate<V>> {
    const group = this.groupOf(view ?? wholeSnapshot);
    const channel = new LatestValue<FeedUpdate<V>>();
    group.subscribers.add(channel as LatestValue<FeedUpdate<unknown>>);
    const stop = () => channel.close();
    // The client may have gone before this line: then there is nothing to wait for.
    if (signal?.aborted) stop();
    signal?.addEventListener("abort", stop);
    try {
      // Subscribed first, then the current state: nothing that happens in between is missed.
      if (!this.latest) this.keep(await this.load());
      if (!group.latest || group.latest.eventId < this.latest!.eventId) group.project(this.latest!);
      channel.push(group.latest as FeedUpdate<V>);
      for (;;) {
        const update = await channel.next();
        if (!update) return;
        yield update;
      }
    } finally {
      signal?.removeEventListener("abort", stop);
      group.subscribers.delete(channel as LatestValue<FeedUpdate<unknown>>);
      if (group.subscribers.size === 0) {
        group.close();
        this.groups.delete(group.view);
      }
      if (this.groups.size === 0) this.dispose();
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
export async function* trackedUpdates<T, V = T>(
  feed: {
    updates<W>(
      signal: AbortSignal | undefined,
      view?: (snapshot: T) => W,
    ): AsyncGenerator<FeedUpdate<W>>;
  },
  signal: AbortSignal | undefined,
  lastEventId: string | null | undefined,
  /** The participant watching, whose stream ends once the facilitator removes them. */
  participantId?: string,
  /** What this screen shows of the snapshot; it is pushed only when that changes. */
  view?: (snapshot: T) => V,
): AsyncGenerator<TrackedEnvelope<V>> {
  const updates = feed.updates<V>(signal, view);
  for await (const update of updates) {
    if (participantId && update.removed?.has(participantId)) {
      throw localizedTRPCError("FORBIDDEN", { key: "access.removedFromSession" });
    }
    if (String(update.eventId) === lastEventId) continue;
    yield tracked(String(update.eventId), update.snapshot);
  }
}

/** The input a resuming subscription sends: the id of the last snapshot it received. */
export const resumeInput = z.object({
  lastEventId: textInput().max(24, "That is not an event id.").nullish(),
});
