import "server-only";

import { and, asc, eq, isNull, ne, sql } from "drizzle-orm";

import type { Database } from "~/db";
import { actions, adoptedPractices, sessions, votingRounds } from "~/db/schema";

import { followThrough } from "../actions/follow-through";
import { sumsOf } from "../voting/ballots";
import { rulesOf } from "../voting/rounds";
import { everKeptSql } from "../actions/kept";
import { latestPracticeWording } from "./kept";
import { maturityTrend } from "./trend";

/** The team's sessions, oldest first, with what each one decided. */
function sessionTimeline(db: Database, teamId: string) {
  return db
    .select({
      id: sessions.id,
      title: sessions.title,
      createdAt: sessions.createdAt,
      endedAt: sessions.endedAt,
      // Qualified by hand: in a single-table select Drizzle leaves "id" unqualified, which the
      // subqueries would read as their own table's id.
      participants: sql<number>`(select count(*)::int from participants p
        where p.session_id = "sessions"."id" and p.removed_at is null)`,
      practicesAdopted: sql<number>`(select count(*)::int from adopted_practices ap
        where ap.session_id = "sessions"."id")`,
      actionsKept: sql<number>`(select count(*)::int from ${actions}
        where "actions"."session_id" = "sessions"."id" and "actions"."team_id" = ${teamId}
        and "actions"."merged_into_id" is null and ${everKeptSql})`,
    })
    .from(sessions)
    .where(eq(sessions.teamId, teamId))
    .orderBy(asc(sessions.createdAt), asc(sessions.id));
}

function adoptionRows(db: Database, teamId: string) {
  return db
    .select({
      practiceId: adoptedPractices.practiceId,
      sessionId: adoptedPractices.sessionId,
      sessionTitle: sessions.title,
      adoptedAt: adoptedPractices.adoptedAt,
    })
    .from(adoptedPractices)
    .innerJoin(sessions, eq(sessions.id, adoptedPractices.sessionId))
    .where(and(eq(adoptedPractices.teamId, teamId), eq(sessions.teamId, teamId)))
    .orderBy(asc(adoptedPractices.adoptedAt), asc(adoptedPractices.id));
}

/** Every action the team agreed to (merged duplicates are counted once, in what they joined). */
function agreedActions(db: Database, teamId: string) {
  return db
    .select({ status: actions.status, dueOn: actions.dueOn, completedAt: actions.completedAt })
    .from(actions)
    .where(
      and(
        eq(actions.teamId, teamId),
        ne(actions.status, "proposed"),
        isNull(actions.mergedIntoId),
        everKeptSql,
      ),
    );
}

/** Revealed maturity rounds of the team's sessions, with their sums from the stored ballots. */
async function maturityRounds(db: Database, teamId: string) {
  const rows = await db
    .select({ round: votingRounds, sessionTitle: sessions.title, sessionAt: sessions.createdAt })
    .from(votingRounds)
    .innerJoin(sessions, eq(sessions.id, votingRounds.sessionId))
    .where(
      and(
        eq(sessions.teamId, teamId),
        eq(votingRounds.status, "revealed"),
        eq(votingRounds.method, "maturity"),
      ),
    )
    .orderBy(asc(sessions.createdAt), asc(votingRounds.number));
  // The same sums the room's results were ranked from (one query pair per round; a team holds
  // a handful of sessions, not thousands).
  const tallies = await Promise.all(rows.map(({ round }) => sumsOf(db, round.id)));
  return {
    rounds: rows.map(({ round, sessionTitle, sessionAt }, index) => ({
      roundId: round.id,
      number: round.number,
      sessionId: round.sessionId,
      sessionTitle,
      sessionAt,
      practiceIds: rulesOf(round).practiceIds,
      ballots: tallies[index]!.ballots,
    })),
    sums: rows.flatMap(({ round }, index) =>
      tallies[index]!.sums.map((sum) => ({ ...sum, roundId: round.id })),
    ),
  };
}

/**
 * What the team dashboard shows: sessions held, practices adopted and when, follow-through of
 * the actions agreed, and maturity ratings per practice across sessions. Every statement is
 * scoped by the team. `today` (YYYY-MM-DD) decides what is overdue.
 */
export async function teamDashboard(db: Database, teamId: string, today: string) {
  const [timeline, adoptions, agreed, maturity] = await Promise.all([
    sessionTimeline(db, teamId),
    adoptionRows(db, teamId),
    agreedActions(db, teamId),
    maturityRounds(db, teamId),
  ]);
  const practiceIds = new Set([
    ...adoptions.map((a) => a.practiceId),
    ...maturity.sums.map((s) => s.practiceId),
  ]);
  const wording = (await latestPracticeWording(db, [...practiceIds])).sort(
    (a, b) => a.position - b.position || a.title.localeCompare(b.title),
  );
  const titleOf = new Map(wording.map((w) => [w.practiceId, w.title]));

  return {
    sessions: timeline,
    adoptions: adoptions.map((a) => ({
      ...a,
      title: titleOf.get(a.practiceId) ?? "Untitled practice",
    })),
    followThrough: { ...followThrough(agreed, today), total: agreed.length },
    maturity: maturityTrend(
      maturity.rounds,
      maturity.sums,
      wording.map((w) => ({ practiceId: w.practiceId, title: w.title })),
      adoptions,
    ),
  };
}

export type TeamDashboard = Awaited<ReturnType<typeof teamDashboard>>;
