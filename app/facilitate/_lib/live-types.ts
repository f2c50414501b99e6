import type { inferRouterOutputs } from "@trpc/server";

import type { AppRouter } from "~/server/api/root";
import type { ConsoleSnapshot, RoomSnapshot } from "~/server/sessions/snapshot";

export type { ConsoleSnapshot, RoomSnapshot };
export type SessionDetails = inferRouterOutputs<AppRouter>["session"]["byId"];
export type Practice = SessionDetails["content"]["practices"][number];
export type LiveNote = RoomSnapshot["notes"][number];

export interface NoteGroup {
  /** null for notes about the essay as a whole rather than one practice. */
  practice: Practice | null;
  notes: LiveNote[];
}

/**
 * Notes under the practice they are about, in the essay's order, general notes last. The notes
 * arrive most upvoted first and keep that order within each group.
 */
export function groupNotesByPractice(practices: Practice[], notes: LiveNote[]): NoteGroup[] {
  const byPractice = new Map<string | null, LiveNote[]>();
  for (const note of notes) {
    const key = practices.some((p) => p.id === note.practiceId) ? note.practiceId : null;
    byPractice.set(key, [...(byPractice.get(key) ?? []), note]);
  }
  const groups: NoteGroup[] = practices.map((practice) => ({
    practice,
    notes: byPractice.get(practice.id) ?? [],
  }));
  const general = byPractice.get(null);
  if (general) groups.push({ practice: null, notes: general });
  return groups;
}

export interface SessionTally {
  people: number;
  notes: number;
  /** Practices with at least one visible note; notes about the essay as a whole don't count. */
  practicesDiscussed: number;
  /** Practices the team adopted in this session, in the order they were adopted. */
  adopted: number;
}

/** The numbers a wrap-up shows, the same on the console and the big screen. */
export function tallyOf(snapshot: RoomSnapshot): SessionTally {
  return {
    people: snapshot.participantCount,
    notes: snapshot.notes.length,
    practicesDiscussed: new Set(
      snapshot.notes.flatMap((note) => (note.practiceId ? [note.practiceId] : [])),
    ).size,
    adopted: snapshot.voting.adoptedPracticeIds.length,
  };
}

/** Titles of the practices adopted in this session, for wrap-up screens. */
export function adoptedTitles(snapshot: RoomSnapshot, practices: readonly Practice[]) {
  const titles = new Map(practices.map((p) => [p.id, p.title]));
  return snapshot.voting.adoptedPracticeIds.flatMap((id) => titles.get(id) ?? []);
}
