import "server-only";

import type { EventBus } from "../realtime/bus";

/**
 * Boards listen on the same bus as sessions, under a key no session id can take (session ids
 * are UUIDs). The signal carries nothing: open boards reload the list they show.
 */
export const boardChannel = (teamId: string) => `board-${teamId}`;

export async function signalBoardChange(bus: EventBus, teamId: string) {
  try {
    await bus.publish({ sessionId: boardChannel(teamId), eventId: Date.now() });
  } catch (error) {
    // The change is saved; open boards catch up when they next load.
    console.error("[realtime] board signal failed:", error);
  }
}
