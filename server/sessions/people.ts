import "server-only";

import { and, asc, eq, inArray, isNull, max, sql } from "drizzle-orm";

import type { Database } from "~/db";
import { participants, sessionEvents } from "~/db/schema";

import type { SessionEventKind } from "./events";

/** A participant counts as online while their phone's subscription keeps this fresh. */
export const onlineWindowSeconds = 45;
export const onlineSince = sql`now() - make_interval(secs => ${onlineWindowSeconds})`;

/** Who is in the session, oldest first, as the console lists them. */
export function peopleOf(db: Database, sessionId: string) {
  return db
    .select({
      id: participants.id,
      displayName: participants.displayName,
      signedIn: sql<boolean>`${participants.userId} is not null`,
      online: sql<boolean>`${participants.lastSeenAt} > ${onlineSince}`,
      joinedAt: participants.joinedAt,
    })
    .from(participants)
    .where(and(eq(participants.sessionId, sessionId), isNull(participants.removedAt)))
    .orderBy(asc(participants.joinedAt));
}

export type Person = Awaited<ReturnType<typeof peopleOf>>[number];
export type PeopleReader = (db: Database, sessionId: string) => Promise<Person[]>;

/** The events after which the list of people may read differently. */
const peopleEvents: SessionEventKind[] = ["joined", "presence", "removed"];

/** Online flags also lapse with time alone (a phone that vanished without a goodbye). */
const peopleMaxAgeMs = 5_000;

/**
 * Reads the people of a live console's feed, again only after someone joined, came, went or was
 * removed, or once the last read is a few seconds old. While 2,000 phones vote, the feed reloads
 * five times a second for the turnout; re-reading 2,000 unchanged rows each time was the largest
 * part of it. (The cache is per feed and process; the database stays the source of truth.)
 */
export function createPeopleReader(): PeopleReader {
  let cached: { version: number; readAt: number; people: Person[] } | undefined;
  return async (db, sessionId) => {
    const [row] = await db
      .select({ id: max(sessionEvents.id) })
      .from(sessionEvents)
      .where(
        and(eq(sessionEvents.sessionId, sessionId), inArray(sessionEvents.kind, peopleEvents)),
      );
    const version = row?.id ?? 0;
    if (cached?.version === version && Date.now() - cached.readAt < peopleMaxAgeMs) {
      return cached.people;
    }
    const readAt = Date.now();
    const people = await peopleOf(db, sessionId);
    cached = { version, readAt, people };
    return people;
  };
}
