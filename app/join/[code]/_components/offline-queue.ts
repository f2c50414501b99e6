/*
 * The rules of a phone's outbox, as plain functions (no React, no browser): what is kept while
 * the phone is offline, how it is saved on the phone, which failures mean "try again later",
 * and how long to wait before the next try. offline-outbox.ts runs them; tests/unit tests them.
 */

export interface QueuedBallot {
  kind: "ballot";
  roundId: string;
  /** The ballot's id on the server: sending it again is a retry, never a second vote. */
  submissionId: string;
  marks: { practiceId: string; points: number; importance: number | null }[];
  queuedAt: number;
}

export interface QueuedNote {
  kind: "note";
  /** The note's id on the server (a UUID): sending it again returns the stored note. */
  clientId: string;
  practiceId: string | null;
  body: string;
  anonymous: boolean;
  queuedAt: number;
}

export type QueuedItem = QueuedBallot | QueuedNote;

/** What happened to an item once the server answered. */
export type OutboxOutcome =
  | { item: QueuedItem; result: "sent"; noteId?: string }
  /** Refused; `closed` when its round or discussion had ended by the time it arrived. */
  | { item: QueuedItem; result: "refused"; closed: boolean; error: unknown };

/** No phone needs more; a saved queue longer than this was not written by this page. */
export const maxQueued = 50;

/** One ballot per round, the latest; each note by its own id. */
function slot(item: QueuedItem) {
  return item.kind === "ballot" ? `ballot:${item.roundId}` : `note:${item.clientId}`;
}

/** The same submission (not only the same slot): a newer ballot of the round is another one. */
export function sameItem(a: QueuedItem, b: QueuedItem) {
  if (a.kind === "ballot" && b.kind === "ballot") {
    return a.roundId === b.roundId && a.submissionId === b.submissionId;
  }
  return a.kind === "note" && b.kind === "note" && a.clientId === b.clientId;
}

/**
 * The queue with `item` added at its end. A ballot replaces a queued ballot of the same round:
 * ballots can be changed until voting closes, so only the latest one is worth sending.
 */
export function withItem(queue: readonly QueuedItem[], item: QueuedItem): QueuedItem[] {
  const key = slot(item);
  return [...queue.filter((queued) => slot(queued) !== key), item].slice(-maxQueued);
}

/** The queue without this exact submission (a newer ballot queued meanwhile stays). */
export function withoutItem(queue: readonly QueuedItem[], item: QueuedItem): QueuedItem[] {
  return queue.filter((queued) => !sameItem(queued, item));
}

export function queuedBallot(queue: readonly QueuedItem[], roundId: string) {
  return queue.find(
    (item): item is QueuedBallot => item.kind === "ballot" && item.roundId === roundId,
  );
}

/** Where a participant's queue is saved on the phone: one per session and person. */
export function outboxStorageKey(sessionId: string, participantId: string) {
  return `practica:outbox:${sessionId}:${participantId}`;
}

export function serializeQueue(queue: readonly QueuedItem[]) {
  return JSON.stringify({ version: 1, items: queue });
}

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === "object" && value !== null && !Array.isArray(value);
const isText = (value: unknown, max: number): value is string =>
  typeof value === "string" && value.length > 0 && value.length <= max;
const isCount = (value: unknown) => Number.isInteger(value) && (value as number) >= 0;

function parseItem(value: unknown): QueuedItem | null {
  if (!isRecord(value) || !isCount(value.queuedAt)) return null;
  const queuedAt = value.queuedAt as number;
  if (value.kind === "ballot") {
    const { roundId, submissionId, marks } = value;
    if (!isText(roundId, 64) || !isText(submissionId, 64) || !Array.isArray(marks)) return null;
    if (marks.length > maxQueued) return null;
    const parsed = marks.map((mark) =>
      isRecord(mark) &&
      isText(mark.practiceId, 64) &&
      isCount(mark.points) &&
      (mark.importance === null || isCount(mark.importance))
        ? {
            practiceId: mark.practiceId,
            points: mark.points as number,
            importance: mark.importance as number | null,
          }
        : null,
    );
    if (parsed.some((mark) => mark === null)) return null;
    return {
      kind: "ballot",
      roundId,
      submissionId,
      marks: parsed as QueuedBallot["marks"],
      queuedAt,
    };
  }
  if (value.kind === "note") {
    const { clientId, practiceId, body, anonymous } = value;
    if (!isText(clientId, 64) || !isText(body, 2000) || typeof anonymous !== "boolean") return null;
    if (practiceId !== null && !isText(practiceId, 64)) return null;
    return { kind: "note", clientId, practiceId, body, anonymous, queuedAt };
  }
  return null;
}

/**
 * A saved queue read back; anything that isn't one (nothing saved, another version, a value
 * edited by hand) reads as what can be recognised of it, never as an error.
 */
export function parseQueue(saved: string | null): QueuedItem[] {
  if (!saved) return [];
  let value: unknown;
  try {
    value = JSON.parse(saved);
  } catch {
    return [];
  }
  if (!isRecord(value) || value.version !== 1 || !Array.isArray(value.items)) return [];
  return value.items
    .slice(0, maxQueued)
    .map(parseItem)
    .filter((item): item is QueuedItem => item !== null);
}

/**
 * Whether a failed send is worth keeping for later: no answer at all (offline, a dropped
 * connection) or a gateway standing in for a server that is away. An answer from the server
 * itself (400, 403, 409, 429, 500…) is its decision, and sending again would not change it.
 */
export function isRetryable(error: unknown) {
  const failure = error as {
    data?: { httpStatus?: unknown } | null;
    meta?: { response?: { status?: unknown } } | null;
  } | null;
  const status = failure?.data?.httpStatus ?? failure?.meta?.response?.status;
  if (typeof status !== "number") return true;
  return status === 502 || status === 503 || status === 504;
}

/**
 * How long to wait before the next try: 2 s, doubling to at most a minute, spread by a fifth
 * either way so that a room of phones coming back together doesn't knock all at once.
 */
export function retryDelayMs(attempt: number, random = Math.random) {
  const base = Math.min(60_000, 2_000 * 2 ** Math.max(0, Math.min(attempt, 10)));
  return Math.round(base * (0.8 + 0.4 * random()));
}

/** The room as far as the outbox cares: whether a queued item can still be accepted. */
export interface RoomOpenings {
  stage: string;
  ended: boolean;
  round: { id: string; status: string } | null;
}

/** Whether the room still takes this item: its round open for a ballot, notes open for a note. */
export function stillOpen(room: RoomOpenings, item: QueuedItem) {
  if (room.ended) return false;
  if (item.kind === "note") return room.stage === "read" || room.stage === "discuss";
  return room.stage === "vote" && room.round?.id === item.roundId && room.round.status === "open";
}

/**
 * A random version-4 UUID from `getRandomValues`: `crypto.randomUUID` is missing where a phone
 * opens the app over plain http on a local network (not a secure context).
 */
export function randomUuid(bytes: Uint8Array) {
  const b = Uint8Array.from(bytes.subarray(0, 16));
  b[6] = (b[6]! & 0x0f) | 0x40;
  b[8] = (b[8]! & 0x3f) | 0x80;
  const hex = Array.from(b, (x) => x.toString(16).padStart(2, "0")).join("");
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}
