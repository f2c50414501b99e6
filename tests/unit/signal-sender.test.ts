import { describe, expect, it } from "vitest";

import type { SessionSignal } from "~/server/realtime/bus";
import { createSignalSender } from "~/server/realtime/signal-sender";

/** A send whose calls are recorded and finish only when the test says so. */
function controlledSend() {
  const calls: { signal: SessionSignal; finish: () => void; fail: (error: Error) => void }[] = [];
  const send = (signal: SessionSignal) =>
    new Promise<void>((resolve, reject) => calls.push({ signal, finish: resolve, fail: reject }));
  return { calls, send };
}

const settled = () => new Promise((resolve) => setTimeout(resolve, 0));

describe("sending session signals", () => {
  it("sends the first signal at once and folds those that arrive meanwhile into the newest", async () => {
    const { calls, send } = controlledSend();
    const sendSignal = createSignalSender(send);
    const first = sendSignal({ sessionId: "s", eventId: 1 });
    const later = [3, 2, 5, 4].map((eventId) => sendSignal({ sessionId: "s", eventId }));
    expect(calls.map((call) => call.signal.eventId)).toEqual([1]);

    let laterSettled = false;
    void Promise.all(later).then(() => (laterSettled = true));
    calls[0]!.finish();
    await first;
    await settled();
    // One send covers all four: the newest id, 5, not 3, 2, 5 and 4 one by one.
    expect(calls.map((call) => call.signal)).toEqual([
      { sessionId: "s", eventId: 1 },
      { sessionId: "s", eventId: 5 },
    ]);
    expect(laterSettled).toBe(false);
    calls[1]!.finish();
    await Promise.all(later);
    await settled();
    expect(calls).toHaveLength(2);
  });

  it("does not hold one session's signal behind another's", () => {
    const { calls, send } = controlledSend();
    const sendSignal = createSignalSender(send);
    void sendSignal({ sessionId: "a", eventId: 1 });
    void sendSignal({ sessionId: "b", eventId: 7 });
    expect(calls.map((call) => call.signal)).toEqual([
      { sessionId: "a", eventId: 1 },
      { sessionId: "b", eventId: 7 },
    ]);
  });

  it("rejects the callers of a failed send and still sends what came after", async () => {
    const { calls, send } = controlledSend();
    const sendSignal = createSignalSender(send);
    const failed = sendSignal({ sessionId: "s", eventId: 1 });
    const next = sendSignal({ sessionId: "s", eventId: 2 });
    calls[0]!.fail(new Error("connection lost"));
    await expect(failed).rejects.toThrow("connection lost");
    await settled();
    expect(calls[1]?.signal).toEqual({ sessionId: "s", eventId: 2 });
    calls[1]!.finish();
    await expect(next).resolves.toBeUndefined();
  });

  it("starts afresh once a session's sends are done", async () => {
    const { calls, send } = controlledSend();
    const sendSignal = createSignalSender(send);
    const first = sendSignal({ sessionId: "s", eventId: 1 });
    calls[0]!.finish();
    await first;
    await settled();
    void sendSignal({ sessionId: "s", eventId: 2 });
    expect(calls.map((call) => call.signal.eventId)).toEqual([1, 2]);
  });
});
