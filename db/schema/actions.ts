import {
  date,
  index,
  jsonb,
  pgEnum,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uuid,
  type AnyPgColumn,
} from "drizzle-orm/pg-core";

import { users } from "./auth";
import { practices } from "./content";
import { participants, sessions } from "./sessions";
import { teams } from "./teams";

/** `proposed` lives in a session until the facilitator keeps it (to do) or drops it. */
export const actionStatus = pgEnum("action_status", [
  "proposed",
  "todo",
  "doing",
  "done",
  "dropped",
]);
export type ActionStatus = (typeof actionStatus.enumValues)[number];

export const actions = pgTable(
  "actions",
  {
    id: uuid().primaryKey().defaultRandom(),
    teamId: uuid()
      .notNull()
      .references(() => teams.id, { onDelete: "cascade" }),
    sessionId: uuid().references(() => sessions.id, { onDelete: "set null" }),
    practiceId: uuid().references(() => practices.id, { onDelete: "restrict" }),
    title: text().notNull(),
    details: text(),
    status: actionStatus().notNull().default("proposed"),
    ownerId: uuid().references(() => users.id, { onDelete: "set null" }),
    dueOn: date(),
    proposedByParticipantId: uuid().references(() => participants.id, { onDelete: "set null" }),
    /** Set when merged into another action as a duplicate. */
    mergedIntoId: uuid().references((): AnyPgColumn => actions.id, { onDelete: "set null" }),
    completedAt: timestamp({ withTimezone: true }),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index().on(t.teamId, t.status),
    index().on(t.sessionId),
    index().on(t.ownerId),
    index().on(t.dueOn),
  ],
);

/** Every change of an action: who (an account or a session participant), what, when. */
export const actionEvents = pgTable(
  "action_events",
  {
    id: uuid().primaryKey().defaultRandom(),
    actionId: uuid()
      .notNull()
      .references(() => actions.id, { onDelete: "cascade" }),
    actorUserId: uuid().references(() => users.id, { onDelete: "set null" }),
    actorParticipantId: uuid().references(() => participants.id, { onDelete: "set null" }),
    kind: text().notNull(),
    /** Field name → [before, after]. */
    changes: jsonb().$type<Record<string, [unknown, unknown]>>().notNull(),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index().on(t.actionId, t.createdAt)],
);

/** A secret, revocable iCalendar feed URL of a team's due dates (only the token's hash is kept). */
export const calendarFeeds = pgTable(
  "calendar_feeds",
  {
    id: uuid().primaryKey().defaultRandom(),
    teamId: uuid()
      .notNull()
      .references(() => teams.id, { onDelete: "cascade" }),
    userId: uuid()
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    tokenHash: text().notNull().unique(),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    revokedAt: timestamp({ withTimezone: true }),
  },
  (t) => [index().on(t.teamId)],
);

/** What the review at the start of a later session decided about an open action. */
export const reviewOutcome = pgEnum("review_outcome", ["done", "carried", "dropped"]);
export type ReviewOutcome = (typeof reviewOutcome.enumValues)[number];

/** One decision per action per reviewing session; deciding again replaces it. */
export const actionReviews = pgTable(
  "action_reviews",
  {
    sessionId: uuid()
      .notNull()
      .references(() => sessions.id, { onDelete: "cascade" }),
    actionId: uuid()
      .notNull()
      .references(() => actions.id, { onDelete: "cascade" }),
    outcome: reviewOutcome().notNull(),
    reviewedById: uuid().references(() => users.id, { onDelete: "set null" }),
    reviewedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.sessionId, t.actionId] }), index().on(t.actionId)],
);
