import {
  createContext,
  useContext,
  useEffect,
  useEffectEvent,
  useState,
  useSyncExternalStore,
} from "react";

import type { RoomSnapshot } from "~/server/sessions/snapshot";

import {
  isRetryable,
  maxQueued,
  outboxStorageKey,
  parseQueue,
  queuedBallot,
  randomUuid,
  retryDelayMs,
  serializeQueue,
  stillOpen,
  withItem,
  withoutItem,
  type OutboxOutcome,
  type QueuedItem,
  type RoomOpenings,
} from "./offline-queue";
import { phoneClient } from "./phone-client";

/**
 * A phone's outbox: ballots and notes sent without a connection wait here, in memory and in
 * localStorage (so a reload or a phone that slept keeps them), and go out in order when the
 * connection is back: on the `online` event, when the live subscription reconnects, when the
 * page is shown again, and on a timer that backs off from 2 s to a minute. Sending again is
 * safe: a ballot carries its submission id and a note its client id, so the server stores each
 * once. One outbox per session and participant; the phone session creates it.
 */
export interface Outbox {
  items(): readonly QueuedItem[];
  subscribe(listener: () => void): () => void;
  onOutcome(listener: (outcome: OutboxOutcome) => void): () => void;
  add(item: QueuedItem): void;
  /** Try now, from the first try's short wait: something suggests the connection is back. */
  wake(): void;
  /** What the room takes now, to tell "too late" from other refusals. */
  setRoom(room: RoomOpenings): void;
  /** Notes of this participant that went out from the outbox (their phone marks them "You"). */
  postedNoteIds(): readonly string[];
  /** Listens for the connection coming back; returns the matching stop. */
  start(): () => void;
}

export function createOutbox(sessionId: string, participantId: string): Outbox {
  const key = outboxStorageKey(sessionId, participantId);
  let items: readonly QueuedItem[] = [];
  let loaded = false;
  /** Whether localStorage holds the queue; off when it can't be read or written (private mode). */
  let saved = true;
  let room: RoomOpenings | null = null;
  let attempt = 0;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let flushing: Promise<void> | null = null;
  let wokenWhileFlushing = false;
  let running = 0;
  const posted: string[] = [];
  const listeners = new Set<() => void>();
  const outcomeListeners = new Set<(outcome: OutboxOutcome) => void>();

  /** The saved queue, which another tab of the same phone may have changed; else memory's. */
  function current(): readonly QueuedItem[] {
    if (!saved) return items;
    try {
      return parseQueue(localStorage.getItem(key));
    } catch {
      saved = false;
      return items;
    }
  }

  function load() {
    if (loaded || typeof window === "undefined") return;
    loaded = true;
    items = current();
  }

  function update(change: (queue: readonly QueuedItem[]) => QueuedItem[]) {
    load();
    items = change(current());
    if (saved) {
      try {
        if (items.length > 0) localStorage.setItem(key, serializeQueue(items));
        else localStorage.removeItem(key);
      } catch {
        saved = false;
      }
    }
    for (const listener of listeners) listener();
  }

  /** Sends one item: its outcome, or "retry" when no answer came. */
  async function deliver(item: QueuedItem): Promise<OutboxOutcome | "retry"> {
    if (!navigator.onLine) return "retry";
    try {
      if (item.kind === "ballot") {
        await phoneClient().voting.cast.mutate({
          sessionId,
          roundId: item.roundId,
          submissionId: item.submissionId,
          marks: item.marks,
        });
        return { item, result: "sent" };
      }
      const note = await phoneClient().participant.addNote.mutate({
        sessionId,
        clientId: item.clientId,
        practiceId: item.practiceId,
        body: item.body,
        anonymous: item.anonymous,
      });
      return { item, result: "sent", noteId: note.id };
    } catch (error) {
      if (isRetryable(error)) return "retry";
      if (item.kind === "ballot") {
        // Stored by an earlier try whose answer was lost, before the round closed: it counts.
        const stored = await phoneClient()
          .voting.mine.query({ sessionId, roundId: item.roundId })
          .catch(() => null);
        if (stored?.submissionId === item.submissionId) return { item, result: "sent" };
      }
      const closed = room !== null && !stillOpen(room, item);
      return { item, result: "refused", closed, error };
    }
  }

  async function flushNow() {
    clearTimeout(timer);
    timer = undefined;
    // Bounded, so that an item that somehow stays can't keep the loop going.
    for (let sent = 0; sent <= maxQueued; sent++) {
      load();
      const item = items[0];
      if (!item) {
        attempt = 0;
        return;
      }
      const outcome = await deliver(item);
      if (outcome === "retry") {
        if (running > 0) timer = setTimeout(() => void flush(), retryDelayMs(attempt++));
        return;
      }
      update((queue) => withoutItem(queue, item));
      if (outcome.result === "sent" && outcome.noteId) posted.push(outcome.noteId);
      for (const listener of outcomeListeners) listener(outcome);
    }
  }

  function flush(): Promise<void> {
    flushing ??= flushNow().finally(() => {
      flushing = null;
      if (wokenWhileFlushing) {
        wokenWhileFlushing = false;
        void flush();
      }
    });
    return flushing;
  }

  function wake() {
    attempt = 0;
    load();
    if (items.length === 0) return;
    if (flushing) wokenWhileFlushing = true;
    else void flush();
  }

  return {
    items() {
      load();
      return items;
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    onOutcome(listener) {
      outcomeListeners.add(listener);
      return () => outcomeListeners.delete(listener);
    },
    add(item) {
      update((queue) => withItem(queue, item));
      // Whatever failed just now is unlikely to work at once: the first retry waits a little.
      if (!flushing && !timer && running > 0) {
        timer = setTimeout(() => void flush(), retryDelayMs(attempt++));
      }
    },
    wake,
    setRoom(next) {
      room = next;
    },
    postedNoteIds: () => posted,
    start() {
      running++;
      const onStorage = (event: StorageEvent) => {
        if (event.key !== key || !saved) return;
        items = current();
        for (const listener of listeners) listener();
      };
      const onVisible = () => document.visibilityState === "visible" && wake();
      window.addEventListener("online", wake);
      window.addEventListener("storage", onStorage);
      document.addEventListener("visibilitychange", onVisible);
      wake();
      return () => {
        running--;
        window.removeEventListener("online", wake);
        window.removeEventListener("storage", onStorage);
        document.removeEventListener("visibilitychange", onVisible);
        if (running === 0) {
          clearTimeout(timer);
          timer = undefined;
        }
      };
    },
  };
}

const OutboxContext = createContext<Outbox | null>(null);
export const OutboxProvider = OutboxContext;

/** The phone session's outbox: created once, told what the room takes, started while shown. */
export function usePhoneOutbox(sessionId: string, participantId: string, snapshot: RoomSnapshot) {
  const [outbox] = useState(() => createOutbox(sessionId, participantId));
  useEffect(() => outbox.start(), [outbox]);
  const { stage, endedAt } = snapshot.session;
  const roundId = snapshot.voting.round?.id ?? null;
  const roundStatus = snapshot.voting.round?.status ?? null;
  useEffect(() => {
    outbox.setRoom({
      stage,
      ended: endedAt !== null,
      round: roundId && roundStatus ? { id: roundId, status: roundStatus } : null,
    });
  }, [outbox, stage, endedAt, roundId, roundStatus]);
  return outbox;
}

export function useOutbox() {
  return useContext(OutboxContext);
}

const nothingQueued: readonly QueuedItem[] = [];

/** What is waiting in the outbox, for showing it (nothing on the server's render). */
export function useQueuedItems() {
  const outbox = useOutbox();
  return useSyncExternalStore(
    (listener) => outbox?.subscribe(listener) ?? (() => {}),
    () => outbox?.items() ?? nothingQueued,
    () => nothingQueued,
  );
}

/** Calls `listener` with each outcome of the outbox (the context's, or this one) while shown. */
export function useOutboxOutcomes(
  listener: (outcome: OutboxOutcome) => void,
  given: Outbox | null = null,
) {
  const fromContext = useOutbox();
  const outbox = given ?? fromContext;
  const onOutcome = useEffectEvent(listener);
  useEffect(() => outbox?.onOutcome((outcome) => onOutcome(outcome)), [outbox]);
}

/**
 * Whether to keep a send for later rather than report it failed: the phone knows it is offline,
 * or the send got no answer (a refusal from the server is reported, not queued).
 */
export function shouldQueue(failure?: unknown) {
  return !navigator.onLine || (failure !== undefined && isRetryable(failure));
}

export function queuedBallotOf(outbox: Outbox | null, roundId: string) {
  return outbox ? queuedBallot(outbox.items(), roundId) : undefined;
}

/** A new note's client id. */
export function newNoteClientId() {
  return randomUuid(crypto.getRandomValues(new Uint8Array(16)));
}

/**
 * The ids of this participant's notes, to mark them "You": those the page loaded with, and those
 * the outbox posted since, also while this stage wasn't on screen.
 */
export function useOwnNoteIds(loaded: readonly string[]) {
  const outbox = useOutbox();
  const [own, setOwn] = useState(() => new Set([...loaded, ...(outbox?.postedNoteIds() ?? [])]));
  useOutboxOutcomes((outcome) => {
    if (outcome.result === "sent" && outcome.noteId) {
      setOwn((ids) => new Set(ids).add(outcome.noteId!));
    }
  });
  return [own, setOwn] as const;
}
