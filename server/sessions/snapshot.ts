import "server-only";

import { and, asc, count, desc, eq, isNotNull, isNull, sql } from "drizzle-orm";

import type { Database } from "~/db";
import { noteUpvotes, notes, participants, sessions } from "~/db/schema";

import { reviewList, type ReviewItem } from "../actions/review";
import { sessionActionList, type SessionActionItem } from "../actions/session-actions";
import { loadVotingState } from "../voting/state";
import { hasOpenActionsToReview } from "./commands";
import { latestEventId } from "./events";
import { onlineSince, peopleOf, type PeopleReader } from "./people";

function noteQuery(db: Database, sessionId: string, hidden: boolean) {
  const upvotes = sql<number>`(select count(*)::int from ${noteUpvotes} where ${noteUpvotes.noteId} = ${notes.id})`;
  return (
    db
      .select({
        id: notes.id,
        practiceId: notes.practiceId,
        body: notes.body,
        // An anonymous note never carries its author, to anyone.
        author: sql<
          string | null
        >`case when ${notes.anonymous} then null else ${participants.displayName} end`,
        upvotes,
        createdAt: notes.createdAt,
      })
      .from(notes)
      .innerJoin(participants, eq(participants.id, notes.participantId))
      .where(
        and(
          eq(notes.sessionId, sessionId),
          hidden ? sql`${notes.hiddenAt} is not null` : isNull(notes.hiddenAt),
        ),
      )
      // Most upvoted first, as the presenter shows them.
      .orderBy(desc(upvotes), asc(notes.createdAt))
  );
}

/** What every screen in the room shows: phones and the presenter get the same object. */
export async function loadRoomSnapshot(db: Database, sessionId: string) {
  const eventId = await latestEventId(db, sessionId);
  const [[row], [counts], visibleNotes, removed, voting] = await Promise.all([
    db
      .select({
        id: sessions.id,
        teamId: sessions.teamId,
        title: sessions.title,
        joinCode: sessions.joinCode,
        stage: sessions.stage,
        timerEndsAt: sessions.timerEndsAt,
        timerRemainingMs: sessions.timerRemainingMs,
        anonymousNotes: sql<boolean>`(${sessions.settings} ->> 'anonymousNotes')::boolean`,
        endedAt: sessions.endedAt,
      })
      .from(sessions)
      .where(eq(sessions.id, sessionId)),
    db
      .select({
        joined: count(),
        online: sql<number>`count(*) filter (where ${participants.lastSeenAt} > ${onlineSince})::int`,
      })
      .from(participants)
      .where(and(eq(participants.sessionId, sessionId), isNull(participants.removedAt))),
    noteQuery(db, sessionId, false),
    db
      .select({ id: participants.id })
      .from(participants)
      .where(and(eq(participants.sessionId, sessionId), isNotNull(participants.removedAt))),
    loadVotingState(db, sessionId),
  ]);
  if (!row) throw new Error(`Session ${sessionId} does not exist`);
  // The team only scopes the review list; screens aren't sent it.
  const { teamId, ...session } = row;
  const followThrough = await loadFollowThrough(db, { id: sessionId, teamId }, session.stage);
  return {
    eventId,
    removed: new Set(removed.map((row) => row.id)),
    snapshot: {
      session,
      participantCount: counts?.joined ?? 0,
      onlineCount: counts?.online ?? 0,
      notes: visibleNotes,
      voting,
      ...followThrough,
    },
  };
}

const actionStages = new Set(["actions", "wrapup"]);

/**
 * The stages about actions show them; the others skip the queries, so a crowd voting costs no
 * action reads.
 */
async function loadFollowThrough(
  db: Database,
  session: { id: string; teamId: string },
  stage: string,
): Promise<{ actions: SessionActionItem[]; review: ReviewItem[] }> {
  const [actions, review] = await Promise.all([
    actionStages.has(stage) ? sessionActionList(db, session.id) : [],
    stage === "review" ? reviewList(db, session) : [],
  ]);
  return { actions, review };
}

export type RoomSnapshot = Awaited<ReturnType<typeof loadRoomSnapshot>>["snapshot"];

/**
 * The room as phones see it: without the live counts only the big screen and console show
 * (who is online, how many have voted, and in the lobby how many have joined). While a crowd
 * joins or votes, every join and ballot changes a count; phones that don't show it then get no
 * push at all, and the next stage or the reveal reaches them at once. The fields stay (zeroed)
 * so phones and presenter share one snapshot type.
 */
export function phoneRoomView(room: RoomSnapshot): RoomSnapshot {
  const { round } = room.voting;
  return {
    ...room,
    participantCount: room.session.stage === "lobby" ? 0 : room.participantCount,
    onlineCount: 0,
    voting: { ...room.voting, round: round ? { ...round, voted: 0 } : null },
  };
}

/**
 * The facilitator's view: the room plus who is here, the notes they hid, and whether the session
 * has a review stage (the stepper labels its steps by it).
 */
export async function loadConsoleSnapshot(
  db: Database,
  sessionId: string,
  /** A live feed's reader skips re-reading people who haven't changed. */
  readPeople: PeopleReader = peopleOf,
) {
  const [room, people, hiddenNotes, hasReview] = await Promise.all([
    loadRoomSnapshot(db, sessionId),
    readPeople(db, sessionId),
    noteQuery(db, sessionId, true),
    hasOpenActionsToReview(db, sessionId),
  ]);
  return {
    eventId: room.eventId,
    removed: room.removed,
    snapshot: { ...room.snapshot, people, hiddenNotes, hasReview },
  };
}

export type ConsoleSnapshot = Awaited<ReturnType<typeof loadConsoleSnapshot>>["snapshot"];

/** The big screen lists at most this many of the names of who has joined; it counts the rest. */
export const lobbyNamesLimit = 100;

/**
 * The big screen's view of the console's snapshot: the room, and in the lobby the names of who
 * has joined, newest first ("who has joined", beside the code and QR code; the facilitator
 * running the screen sees them in the console anyway). Nothing else of the console: no hidden
 * notes, no presence, and past the lobby no names, so people coming and going then push nothing.
 */
export function presenterView({
  people,
  hiddenNotes: _hidden,
  hasReview: _review,
  ...room
}: ConsoleSnapshot) {
  const joinedNames =
    room.session.stage === "lobby"
      ? people
          .slice(-lobbyNamesLimit)
          .reverse()
          .map((person) => person.displayName)
      : [];
  return { ...room, joinedNames };
}

export type PresenterSnapshot = ReturnType<typeof presenterView>;
