import { describe, expect, it } from "vitest";
import { z } from "zod";

import {
  isRetryable,
  maxQueued,
  outboxStorageKey,
  parseQueue,
  queuedBallot,
  randomUuid,
  retryDelayMs,
  sameItem,
  serializeQueue,
  stillOpen,
  withItem,
  withoutItem,
  type QueuedBallot,
  type QueuedItem,
  type QueuedNote,
} from "~/app/join/[code]/_components/offline-queue";

const round = "7f1c2a52-4d36-4c1e-9a3b-0f7e2d4c5b6a";
const practice = "0b8e7c1d-2a3f-4e5d-8c9b-1a2b3c4d5e6f";

const ballot = (submissionId: string, roundId = round): QueuedBallot => ({
  kind: "ballot",
  roundId,
  submissionId,
  marks: [{ practiceId: practice, points: 2, importance: null }],
  queuedAt: 1,
});
const note = (clientId: string, body = "Pairing helps"): QueuedNote => ({
  kind: "note",
  clientId,
  practiceId: null,
  body,
  anonymous: false,
  queuedAt: 2,
});

describe("the queue", () => {
  it("keeps only the latest ballot of a round, at the end, and every note", () => {
    let queue: QueuedItem[] = [];
    queue = withItem(queue, ballot("first-submission"));
    queue = withItem(queue, note("n1"));
    queue = withItem(queue, ballot("second-submission"));
    queue = withItem(queue, note("n2"));
    queue = withItem(queue, ballot("other-round", "another-round-id"));
    expect(queue.map((i) => (i.kind === "ballot" ? i.submissionId : i.clientId))).toEqual([
      "n1",
      "second-submission",
      "n2",
      "other-round",
    ]);
    expect(queuedBallot(queue, round)?.submissionId).toBe("second-submission");
    expect(queuedBallot(queue, "no-such-round")).toBeUndefined();
  });

  it("stores a note queued twice (same client id) once", () => {
    const queue = withItem(withItem([], note("n1")), note("n1"));
    expect(queue).toHaveLength(1);
  });

  it("removes only the exact submission that went out: a newer ballot queued meanwhile stays", () => {
    const sent = ballot("first-submission");
    const queue = withItem(withItem([], sent), ballot("newer-submission"));
    expect(withoutItem(queue, sent)).toEqual([ballot("newer-submission")]);
    expect(withoutItem([sent, note("n1")], note("n1"))).toEqual([sent]);
    expect(sameItem(sent, ballot("first-submission"))).toBe(true);
    expect(sameItem(sent, note("first-submission"))).toBe(false);
  });

  it("holds at most maxQueued items, dropping the oldest", () => {
    let queue: QueuedItem[] = [];
    for (let i = 0; i < maxQueued + 5; i++) queue = withItem(queue, note(`n${i}`));
    expect(queue).toHaveLength(maxQueued);
    expect((queue[0] as QueuedNote).clientId).toBe("n5");
  });
});

describe("saving the queue on the phone", () => {
  it("keys it by session and participant", () => {
    expect(outboxStorageKey("s1", "p1")).toBe("practica:outbox:s1:p1");
    expect(outboxStorageKey("s1", "p2")).not.toBe(outboxStorageKey("s1", "p1"));
  });

  it("reads back what it saved", () => {
    const queue = [ballot("first-submission"), note("n1", "Línea 1\n«quoted» 🧑‍🤝‍🧑")];
    expect(parseQueue(serializeQueue(queue))).toEqual(queue);
  });

  it.each([
    ["nothing saved", null],
    ["an empty string", ""],
    ["broken JSON", "{"],
    ["another version", JSON.stringify({ version: 2, items: [note("n1")] })],
    ["a list", JSON.stringify([note("n1")])],
    ["items that aren't a list", JSON.stringify({ version: 1, items: {} })],
  ])("reads %s as an empty queue", (_, saved) => {
    expect(parseQueue(saved)).toEqual([]);
  });

  it("drops items it doesn't recognise and keeps the rest", () => {
    const saved = JSON.stringify({
      version: 1,
      items: [
        note("n1"),
        { ...note("n2"), body: "" },
        { ...note("n3"), body: "x".repeat(5000) },
        { ...note("n4"), anonymous: "yes" },
        { ...note("n5"), practiceId: 42 },
        { ...ballot("b1"), marks: [{ practiceId: practice, points: -1, importance: null }] },
        { ...ballot("b2"), marks: "all of them" },
        { ...ballot("b3"), queuedAt: "yesterday" },
        { kind: "upvote", noteId: "n1", queuedAt: 1 },
        null,
        "note",
        ballot("b4"),
      ],
    });
    expect(parseQueue(saved)).toEqual([note("n1"), ballot("b4")]);
  });
});

describe("which failures wait for the connection", () => {
  it("retries when no answer came: offline, a dropped connection, a gateway without the server", () => {
    expect(isRetryable(new TypeError("Failed to fetch"))).toBe(true);
    expect(isRetryable({ data: undefined, meta: undefined })).toBe(true);
    expect(isRetryable({ meta: { response: { status: 502 } } })).toBe(true);
    expect(isRetryable({ data: { httpStatus: 503 } })).toBe(true);
    expect(isRetryable({ meta: { response: { status: 504 } } })).toBe(true);
    expect(isRetryable(null)).toBe(true);
  });

  it.each([400, 401, 403, 404, 409, 429, 500])("reports a refusal (%i) instead", (status) => {
    expect(isRetryable({ data: { httpStatus: status, code: "X" } })).toBe(false);
    expect(isRetryable({ meta: { response: { status } } })).toBe(false);
  });
});

describe("retrying gently", () => {
  it("waits 2 s, doubling to at most a minute", () => {
    const middle = () => 0.5;
    expect([0, 1, 2, 3, 4, 5, 6, 50].map((n) => retryDelayMs(n, middle))).toEqual([
      2_000, 4_000, 8_000, 16_000, 32_000, 60_000, 60_000, 60_000,
    ]);
  });

  it("spreads phones by a fifth either way", () => {
    expect(retryDelayMs(0, () => 0)).toBe(1_600);
    expect(retryDelayMs(0, () => 0.999999)).toBe(2_400);
    expect(retryDelayMs(-3, () => 0.5)).toBe(2_000);
  });
});

describe("what the room still takes", () => {
  const room = { stage: "vote", ended: false, round: { id: round, status: "open" } };

  it("takes a ballot while its round is open and the room votes", () => {
    expect(stillOpen(room, ballot("s"))).toBe(true);
    expect(stillOpen({ ...room, round: { id: round, status: "closed" } }, ballot("s"))).toBe(false);
    expect(stillOpen({ ...room, round: { id: "newer", status: "open" } }, ballot("s"))).toBe(false);
    expect(stillOpen({ ...room, stage: "results" }, ballot("s"))).toBe(false);
    expect(stillOpen({ ...room, ended: true }, ballot("s"))).toBe(false);
  });

  it("takes a note while the room reads or discusses", () => {
    expect(stillOpen({ ...room, stage: "discuss" }, note("n"))).toBe(true);
    expect(stillOpen({ ...room, stage: "read" }, note("n"))).toBe(true);
    expect(stillOpen(room, note("n"))).toBe(false);
    expect(stillOpen({ ...room, stage: "discuss", ended: true }, note("n"))).toBe(false);
  });
});

describe("a note's client id", () => {
  it("is a version-4 UUID the server accepts, from any random bytes", () => {
    const server = z.uuid();
    for (const fill of [0x00, 0xff, 0x5a]) {
      const id = randomUuid(new Uint8Array(16).fill(fill));
      expect(server.safeParse(id).success).toBe(true);
      expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    }
    const bytes = crypto.getRandomValues(new Uint8Array(16));
    expect(randomUuid(bytes)).not.toBe(randomUuid(crypto.getRandomValues(new Uint8Array(16))));
    expect(server.safeParse(randomUuid(bytes)).success).toBe(true);
  });
});
