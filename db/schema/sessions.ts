import { sql } from "drizzle-orm";
import {
  bigserial,
  boolean,
  index,
  integer,
  jsonb,
  pgEnum,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from "drizzle-orm/pg-core";

import { users } from "./auth";
import { sessionStages, votingMethods, type SessionStage, type VotingMethod } from "./stage-list";
import { essayVersions, practices } from "./content";
import { teams } from "./teams";

export const sessionStage = pgEnum("session_stage", sessionStages);
export type { SessionStage };

export const votingMethod = pgEnum("voting_method", votingMethods);
export type { VotingMethod };

export interface SessionSettings {
  votingMethod: VotingMethod;
  /** Dot voting: dots per participant and the most on one practice. */
  dots: number;
  maxDotsPerPractice: number;
  anonymousNotes: boolean;
}

/** A live workshop session of one team, pinned to the essay version it started with. */
export const sessions = pgTable(
  "sessions",
  {
    id: uuid().primaryKey().defaultRandom(),
    teamId: uuid()
      .notNull()
      .references(() => teams.id, { onDelete: "cascade" }),
    essayVersionId: uuid()
      .notNull()
      .references(() => essayVersions.id, { onDelete: "restrict" }),
    title: text().notNull(),
    /** 6 characters from an alphabet without look-alikes, stored without the dash. */
    joinCode: text().notNull().unique(),
    stage: sessionStage().notNull().default("lobby"),
    settings: jsonb().$type<SessionSettings>().notNull(),
    /** A running timer ends at `timerEndsAt`; a paused one keeps what was left. */
    timerEndsAt: timestamp({ withTimezone: true }),
    timerRemainingMs: integer(),
    facilitatorId: uuid().references(() => users.id, { onDelete: "set null" }),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    endedAt: timestamp({ withTimezone: true }),
  },
  (t) => [index().on(t.teamId, t.createdAt)],
);

/** Someone in a session: a guest bound by a signed cookie, or a signed-in member. */
export const participants = pgTable(
  "participants",
  {
    id: uuid().primaryKey().defaultRandom(),
    sessionId: uuid()
      .notNull()
      .references(() => sessions.id, { onDelete: "cascade" }),
    userId: uuid().references(() => users.id, { onDelete: "set null" }),
    displayName: text().notNull(),
    /**
     * Random per join form: a double tap or a retried request carries the same key, so it finds
     * the participant the first one made instead of making a second.
     */
    joinKey: text(),
    joinedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    lastSeenAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    removedAt: timestamp({ withTimezone: true }),
  },
  (t) => [
    index().on(t.sessionId),
    // A signed-in member is one participant per session however often they join.
    uniqueIndex()
      .on(t.sessionId, t.userId)
      .where(sql`${t.userId} is not null`),
    uniqueIndex().on(t.sessionId, t.joinKey),
  ],
);

/** Session events, numbered so a phone that drops off resumes where it left off. */
export const sessionEvents = pgTable(
  "session_events",
  {
    id: bigserial({ mode: "number" }).primaryKey(),
    sessionId: uuid()
      .notNull()
      .references(() => sessions.id, { onDelete: "cascade" }),
    kind: text().notNull(),
    payload: jsonb().$type<Record<string, unknown>>().notNull(),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index().on(t.sessionId, t.id)],
);

export const notes = pgTable(
  "notes",
  {
    id: uuid().primaryKey().defaultRandom(),
    sessionId: uuid()
      .notNull()
      .references(() => sessions.id, { onDelete: "cascade" }),
    participantId: uuid()
      .notNull()
      .references(() => participants.id, { onDelete: "cascade" }),
    /** Null for a note about the essay as a whole. */
    practiceId: uuid().references(() => practices.id, { onDelete: "restrict" }),
    body: text().notNull(),
    anonymous: boolean().notNull().default(false),
    hiddenAt: timestamp({ withTimezone: true }),
    hiddenById: uuid().references(() => users.id, { onDelete: "set null" }),
    /**
     * The phone's own id for the note, so that sending it again (a retry after a lost answer, or
     * a note queued offline) stores it once. Null for notes written before phones sent one.
     */
    clientId: uuid(),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  // The second index serves "my notes" on every phone load and the cascade from participants;
  // the unique one makes a note's client id count once per participant (nulls never clash).
  (t) => [
    index().on(t.sessionId, t.practiceId),
    index().on(t.participantId),
    uniqueIndex().on(t.participantId, t.clientId),
  ],
);

/** The primary key makes a second upvote of one note by one participant impossible. */
export const noteUpvotes = pgTable(
  "note_upvotes",
  {
    noteId: uuid()
      .notNull()
      .references(() => notes.id, { onDelete: "cascade" }),
    participantId: uuid()
      .notNull()
      .references(() => participants.id, { onDelete: "cascade" }),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.noteId, t.participantId] }), index().on(t.participantId)],
);
