import "server-only";

import { and, eq, isNull } from "drizzle-orm";

import type { Database } from "~/db";
import { noteUpvotes, notes, type participants, type sessions } from "~/db/schema";

import type { RateLimitCharge } from "../rate-limit";
import { SessionRuleError } from "./commands";
import { assertPracticeOfVersion } from "./content";

type Session = typeof sessions.$inferSelect;
type Participant = typeof participants.$inferSelect;

/**
 * Per participant: a person writes a note in half a minute at best and taps through upvotes a
 * few a second; a script posting to the big screen is stopped within a minute. No second key
 * per address: a room behind one address writes together, and the people a script can make
 * are themselves limited (joinCharge in code-guard.ts) and removable by the facilitator.
 */
export function noteCharge(participantId: string): RateLimitCharge {
  return { key: `note:${participantId}`, rule: { limit: 20, windowSeconds: 60 } };
}

export function upvoteCharge(participantId: string): RateLimitCharge {
  return { key: `upvote:${participantId}`, rule: { limit: 120, windowSeconds: 60 } };
}

/** Notes are written while the room reads and discusses. */
const noteStages = new Set(["read", "discuss"]);

/**
 * Writes a note, or returns the one this participant already wrote with the same `clientId`: a
 * phone that sends a note again (a retry after a lost answer, or a note it kept while offline)
 * gets the stored note back, even when the room has moved on since. `created` says which. The
 * stored note is looked up only when the note can't be written as new, so a first send costs
 * no extra query.
 */
export async function addNote(
  db: Database,
  session: Session,
  author: Participant,
  input: { practiceId: string | null; body: string; anonymous: boolean; clientId?: string | null },
) {
  const { clientId = null, ...note } = input;
  const resent = async () => (clientId ? await noteByClientId(db, author.id, clientId) : undefined);
  try {
    await assertNoteAllowed(db, session, note);
  } catch (refusal) {
    const stored = await resent();
    if (stored) return { id: stored.id, created: false };
    throw refusal;
  }
  const [written] = await db
    .insert(notes)
    .values({ sessionId: session.id, participantId: author.id, clientId, ...note })
    // Sent again, or two copies at once: the unique (participant, client id) index lets one in.
    .onConflictDoNothing({ target: [notes.participantId, notes.clientId] })
    .returning({ id: notes.id });
  if (written) return { id: written.id, created: true };
  const stored = await resent();
  if (!stored) throw new Error("A note that clashed with another was not found.");
  return { id: stored.id, created: false };
}

async function assertNoteAllowed(
  db: Database,
  session: Session,
  note: { practiceId: string | null; anonymous: boolean },
) {
  if (session.endedAt) throw new SessionRuleError("This session has ended.");
  if (!noteStages.has(session.stage)) {
    throw new SessionRuleError("Notes open when the facilitator starts the discussion.");
  }
  if (note.anonymous && !session.settings.anonymousNotes) {
    throw new SessionRuleError("This session doesn't allow anonymous notes.");
  }
  // Only practices of the version this session pinned.
  if (note.practiceId) await assertPracticeOfVersion(db, session.essayVersionId, note.practiceId);
}

async function noteByClientId(db: Database, participantId: string, clientId: string) {
  const [note] = await db
    .select({ id: notes.id })
    .from(notes)
    .where(and(eq(notes.participantId, participantId), eq(notes.clientId, clientId)));
  return note;
}

/**
 * Upvotes a visible note of the same session, at most once per participant (the primary key);
 * `up: false` takes the upvote back. Returns whether anything changed.
 */
export async function setUpvote(
  db: Database,
  session: Session,
  voter: Participant,
  noteId: string,
  up: boolean,
) {
  if (session.endedAt) throw new SessionRuleError("This session has ended.");
  if (!noteStages.has(session.stage)) {
    throw new SessionRuleError("Upvotes open when the facilitator starts the discussion.");
  }
  const [note] = await db
    .select({ id: notes.id, participantId: notes.participantId })
    .from(notes)
    .where(and(eq(notes.id, noteId), eq(notes.sessionId, session.id), isNull(notes.hiddenAt)));
  if (!note) throw new SessionRuleError("That note is not in this session.");
  if (note.participantId === voter.id)
    throw new SessionRuleError("You can't upvote your own note.");
  const changed = up
    ? await db
        .insert(noteUpvotes)
        .values({ noteId, participantId: voter.id })
        .onConflictDoNothing()
        .returning({ noteId: noteUpvotes.noteId })
    : await db
        .delete(noteUpvotes)
        .where(and(eq(noteUpvotes.noteId, noteId), eq(noteUpvotes.participantId, voter.id)))
        .returning({ noteId: noteUpvotes.noteId });
  return changed.length > 0;
}

/** What this participant wrote and upvoted, so their phone can mark it (never sent to others). */
export async function participantNotesState(db: Database, participantId: string) {
  const [own, upvoted] = await Promise.all([
    db.select({ id: notes.id }).from(notes).where(eq(notes.participantId, participantId)),
    db
      .select({ id: noteUpvotes.noteId })
      .from(noteUpvotes)
      .where(eq(noteUpvotes.participantId, participantId)),
  ]);
  return { ownNoteIds: own.map((n) => n.id), upvotedNoteIds: upvoted.map((n) => n.id) };
}
