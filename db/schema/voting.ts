import { sql } from "drizzle-orm";
import {
  index,
  integer,
  jsonb,
  pgEnum,
  pgTable,
  text,
  timestamp,
  unique,
  uniqueIndex,
  uuid,
} from "drizzle-orm/pg-core";

import { users } from "./auth";
import { practices } from "./content";
import { participants, sessions, votingMethod } from "./sessions";
import { teams } from "./teams";

export const roundStatus = pgEnum("round_status", ["open", "closed", "revealed"]);
export type RoundStatus = (typeof roundStatus.enumValues)[number];

export interface RoundParams {
  /** Dot voting: dots per ballot and the most on one practice. */
  dots?: number;
  maxDotsPerPractice?: number;
  /** Restricts the round to some practices (e.g. a run-off); null means all of the version's. */
  practiceIds?: string[] | null;
}

export const votingRounds = pgTable(
  "voting_rounds",
  {
    id: uuid().primaryKey().defaultRandom(),
    sessionId: uuid()
      .notNull()
      .references(() => sessions.id, { onDelete: "cascade" }),
    number: integer().notNull(),
    method: votingMethod().notNull(),
    params: jsonb().$type<RoundParams>().notNull(),
    status: roundStatus().notNull().default("open"),
    openedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    closedAt: timestamp({ withTimezone: true }),
    revealedAt: timestamp({ withTimezone: true }),
  },
  (t) => [
    unique().on(t.sessionId, t.number),
    // At most one round of a session is open at a time.
    uniqueIndex("voting_rounds_one_open")
      .on(t.sessionId)
      .where(sql`${t.status} = 'open'`),
  ],
);

/**
 * One ballot per participant per round (the unique constraint; writes are insert … on conflict).
 * Ballots carry no name: screens and APIs only ever show aggregates.
 */
export const ballots = pgTable(
  "ballots",
  {
    id: uuid().primaryKey().defaultRandom(),
    roundId: uuid()
      .notNull()
      .references(() => votingRounds.id, { onDelete: "cascade" }),
    participantId: uuid()
      .notNull()
      .references(() => participants.id, { onDelete: "cascade" }),
    /** The phone's id for this submission, so that a retry is recognised as the same one. */
    submissionId: text().notNull(),
    castAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [unique().on(t.roundId, t.participantId)],
);

/**
 * One mark of a ballot on one practice. Tallies are sums over these rows, so no counter is ever
 * read, changed and written back. `points` holds dots, 1 for an approval, or the "today" rating;
 * `importance` holds the maturity "how important" rating.
 */
export const ballotMarks = pgTable(
  "ballot_marks",
  {
    ballotId: uuid()
      .notNull()
      .references(() => ballots.id, { onDelete: "cascade" }),
    roundId: uuid()
      .notNull()
      .references(() => votingRounds.id, { onDelete: "cascade" }),
    practiceId: uuid()
      .notNull()
      .references(() => practices.id, { onDelete: "restrict" }),
    points: integer().notNull(),
    importance: integer(),
  },
  (t) => [unique().on(t.ballotId, t.practiceId), index().on(t.roundId, t.practiceId)],
);

/** A practice the team decided to adopt in a session, with the evidence behind it. */
export const adoptedPractices = pgTable(
  "adopted_practices",
  {
    id: uuid().primaryKey().defaultRandom(),
    teamId: uuid()
      .notNull()
      .references(() => teams.id, { onDelete: "cascade" }),
    sessionId: uuid()
      .notNull()
      .references(() => sessions.id, { onDelete: "cascade" }),
    practiceId: uuid()
      .notNull()
      .references(() => practices.id, { onDelete: "restrict" }),
    roundId: uuid().references(() => votingRounds.id, { onDelete: "set null" }),
    /** The tally that supported the decision, as it stood then. */
    tally: jsonb().$type<Record<string, unknown>>(),
    note: text(),
    adoptedById: uuid().references(() => users.id, { onDelete: "set null" }),
    adoptedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [unique().on(t.sessionId, t.practiceId), index().on(t.teamId, t.adoptedAt)],
);
