import type { SessionSignal } from "./bus";

interface Waiting {
  eventId: number;
  sent: Promise<void>;
  resolve: () => void;
  reject: (error: unknown) => void;
}

/**
 * Sends a session's signals one at a time, and folds the ones that arrive meanwhile into one:
 * the newest event id says everything the older ones said, since listeners reload the session
 * anyway. A room casting 200 ballots a second then costs one NOTIFY per database round trip,
 * not 200 NOTIFYs queued on the bus's one connection (each commit of a NOTIFY takes Postgres'
 * notify lock, so they would queue in the database as well). A caller's promise settles once
 * a signal covering its event has been sent.
 */
export function createSignalSender(send: (signal: SessionSignal) => Promise<void>) {
  const waitingBySession = new Map<string, Waiting>();
  const sending = new Set<string>();

  async function drain(sessionId: string) {
    sending.add(sessionId);
    for (let next = waitingBySession.get(sessionId); next; next = waitingBySession.get(sessionId)) {
      waitingBySession.delete(sessionId);
      try {
        await send({ sessionId, eventId: next.eventId });
        next.resolve();
      } catch (error) {
        next.reject(error);
      }
    }
    sending.delete(sessionId);
  }

  return function sendSignal(signal: SessionSignal): Promise<void> {
    let waiting = waitingBySession.get(signal.sessionId);
    if (waiting) {
      waiting.eventId = Math.max(waiting.eventId, signal.eventId);
    } else {
      let resolve!: () => void;
      let reject!: (error: unknown) => void;
      const sent = new Promise<void>((res, rej) => ((resolve = res), (reject = rej)));
      waiting = { eventId: signal.eventId, sent, resolve, reject };
      waitingBySession.set(signal.sessionId, waiting);
    }
    if (!sending.has(signal.sessionId)) void drain(signal.sessionId);
    return waiting.sent;
  };
}
