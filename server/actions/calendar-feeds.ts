import "server-only";

import { and, eq, isNull, sql } from "drizzle-orm";

import type { Database } from "~/db";
import { actions, calendarFeeds, teamMemberships, teams, users } from "~/db/schema";

import { hashInviteToken, looksLikeInviteToken, newInviteToken } from "../teams/invite-token";
import { calendarFeed } from "./ics";

// Feed secrets are made and kept like invite secrets: 32 random bytes, only the SHA-256 stored.
export const calendarFeedPath = (token: string) => `/api/calendar/${token}`;

/** The caller's live feed of a team, if any (the URL itself can't be shown again). */
export async function activeFeedOf(db: Database, teamId: string, userId: string) {
  const [feed] = await db
    .select({ id: calendarFeeds.id, createdAt: calendarFeeds.createdAt })
    .from(calendarFeeds)
    .where(
      and(
        eq(calendarFeeds.teamId, teamId),
        eq(calendarFeeds.userId, userId),
        isNull(calendarFeeds.revokedAt),
      ),
    );
  return feed ?? null;
}

/** Revokes the caller's live feed of the team; returns whether there was one. */
export async function revokeFeed(db: Database, teamId: string, userId: string) {
  const revoked = await db
    .update(calendarFeeds)
    .set({ revokedAt: new Date() })
    .where(
      and(
        eq(calendarFeeds.teamId, teamId),
        eq(calendarFeeds.userId, userId),
        isNull(calendarFeeds.revokedAt),
      ),
    )
    .returning({ id: calendarFeeds.id });
  return revoked.length > 0;
}

/**
 * A new secret feed URL for the caller; any earlier one of theirs stops working, so "get a new
 * link" is also how a leaked link is replaced.
 */
export async function createFeed(db: Database, teamId: string, userId: string) {
  const token = newInviteToken();
  await db.transaction(async (tx) => {
    await revokeFeed(tx, teamId, userId);
    await tx.insert(calendarFeeds).values({ teamId, userId, tokenHash: hashInviteToken(token) });
  });
  return { path: calendarFeedPath(token) };
}

/**
 * The iCalendar text behind a feed token, or null when the token is unknown, revoked, or its
 * owner can no longer see the team (left it, or was deactivated): a feed is only as good as the
 * access of the person who made it.
 */
export async function feedCalendar(db: Database, token: string, publicUrl: string, now: Date) {
  if (!looksLikeInviteToken(token)) return null;
  const [feed] = await db
    .select({ teamId: teams.id, teamName: teams.name, slug: teams.slug })
    .from(calendarFeeds)
    .innerJoin(teams, eq(teams.id, calendarFeeds.teamId))
    .innerJoin(users, eq(users.id, calendarFeeds.userId))
    .leftJoin(
      teamMemberships,
      and(
        eq(teamMemberships.teamId, calendarFeeds.teamId),
        eq(teamMemberships.userId, calendarFeeds.userId),
      ),
    )
    .where(
      and(
        eq(calendarFeeds.tokenHash, hashInviteToken(token)),
        isNull(calendarFeeds.revokedAt),
        isNull(users.deactivatedAt),
        sql`(${teamMemberships.userId} is not null or ${users.role} = 'admin')`,
      ),
    );
  if (!feed) return null;
  const due = await db
    .select({
      id: actions.id,
      title: actions.title,
      dueOn: sql<string>`${actions.dueOn}`,
      ownerName: users.name,
      status: actions.status,
      updatedAt: actions.updatedAt,
    })
    .from(actions)
    .leftJoin(users, eq(users.id, actions.ownerId))
    .where(
      and(
        eq(actions.teamId, feed.teamId),
        sql`${actions.status} in ('todo', 'doing')`,
        isNull(actions.mergedIntoId),
        sql`${actions.dueOn} is not null`,
      ),
    );
  const boardUrl = `${publicUrl}/teams/${feed.slug}/board`;
  return calendarFeed({
    name: `${feed.teamName} — actions due`,
    now,
    events: due.map((action) => ({
      uid: `${action.id}@practica`,
      dueOn: action.dueOn,
      summary: `Due: ${action.title}`,
      description: `${action.ownerName ? `Owner: ${action.ownerName}. ` : ""}${action.status === "doing" ? "In progress." : "To do."} ${boardUrl}`,
      url: boardUrl,
      updatedAt: action.updatedAt,
    })),
  });
}
