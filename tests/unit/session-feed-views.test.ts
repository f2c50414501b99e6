import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";

import { createInProcessBus } from "~/server/realtime/in-process-bus";
import { sessionFeed, type FeedUpdate } from "~/server/realtime/session-feed";

beforeEach(() => vi.useFakeTimers());
afterEach(() => vi.useRealTimers());

interface Room {
  stage: string;
  voted: number;
}

/** What a phone shows: the stage, not the turnout. */
const phoneView = (room: Room) => ({ stage: room.stage });

function room() {
  const state = { eventId: 1, snapshot: { stage: "vote", voted: 0 } };
  const load = vi.fn(() =>
    Promise.resolve<FeedUpdate<Room>>({ eventId: state.eventId, snapshot: { ...state.snapshot } }),
  );
  return { state, load };
}

async function collect<T>(stream: AsyncGenerator<T>, into: T[]) {
  for await (const value of stream) into.push(value);
}

describe("session feed views", () => {
  it("pushes a view only when what it shows changes, and the whole room on every change", async () => {
    const bus = createInProcessBus();
    const { state, load } = room();
    const feed = sessionFeed(bus, "session-views", "room", load);
    const abort = new AbortController();
    const whole: FeedUpdate<Room>[] = [];
    const phone: FeedUpdate<{ stage: string }>[] = [];
    void collect(feed.updates(abort.signal), whole);
    void collect(feed.updates(abort.signal, phoneView), phone);
    await vi.advanceTimersByTimeAsync(0);
    expect(whole).toHaveLength(1);
    expect(phone).toHaveLength(1);

    // Ballots change the turnout: the presenter sees each flush, the phones nothing.
    for (let ballot = 1; ballot <= 3; ballot++) {
      state.eventId++;
      state.snapshot.voted = ballot;
      await bus.publish({ sessionId: "session-views", eventId: state.eventId });
      await vi.advanceTimersByTimeAsync(250);
    }
    expect(whole.at(-1)!.snapshot.voted).toBe(3);
    expect(whole.length).toBeGreaterThan(1);
    expect(phone).toHaveLength(1);

    // The reveal moves the stage: the phones get it at once.
    state.eventId++;
    state.snapshot.stage = "results";
    await bus.publish({ sessionId: "session-views", eventId: state.eventId });
    await vi.advanceTimersByTimeAsync(250);
    expect(phone).toHaveLength(2);
    expect(phone[1]!.snapshot).toEqual({ stage: "results" });
    abort.abort();
    await vi.advanceTimersByTimeAsync(0);
  });
});
