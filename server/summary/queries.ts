import "server-only";

import { and, asc, eq, isNull, ne, sql } from "drizzle-orm";

import type { Database } from "~/db";
import {
  actions,
  adoptedPractices,
  essayVersions,
  notes,
  participants,
  practiceVersions,
  sessions,
  teams,
  users,
  votingRounds,
} from "~/db/schema";

import { everKeptSql } from "../actions/kept";
import { sumsOf } from "../voting/ballots";
import { rulesOf } from "../voting/rounds";
import { rankResults } from "../voting/tally";
import type { SessionSummary, SummaryAction, SummaryRound } from "./types";

/** A revealed round's results, ranked by the same tally the room saw, with practice titles. */
async function roundSummary(
  db: Database,
  round: typeof votingRounds.$inferSelect,
  titleOf: (practiceId: string) => string,
): Promise<SummaryRound> {
  const rules = rulesOf(round);
  const { sums, ballots } = await sumsOf(db, round.id);
  const results = rankResults(rules.method, rules.practiceIds, sums, ballots);
  const base = { roundId: round.id, number: round.number, revealedAt: round.revealedAt };
  return results.method === "maturity"
    ? {
        ...base,
        ...results,
        rows: results.rows.map((row) => ({ ...row, title: titleOf(row.practiceId) })),
      }
    : {
        ...base,
        ...results,
        rows: results.rows.map((row) => ({ ...row, title: titleOf(row.practiceId) })),
      };
}

const count = sql<number>`count(*)::int`;

/**
 * What a session decided: who took part, the results of its revealed rounds, the practices it
 * adopted and the actions it agreed to. Practices are titled as the session saw them (its pinned
 * version); every statement is scoped to the session and its team. Null for an unknown session.
 */
export async function sessionSummary(
  db: Database,
  sessionId: string,
): Promise<SessionSummary | null> {
  const [row] = await db
    .select({ session: sessions, team: teams, workshop: essayVersions })
    .from(sessions)
    .innerJoin(teams, eq(teams.id, sessions.teamId))
    .innerJoin(essayVersions, eq(essayVersions.id, sessions.essayVersionId))
    .where(eq(sessions.id, sessionId));
  if (!row) return null;
  const { session, team, workshop } = row;
  const ofSession = and(eq(actions.sessionId, session.id), eq(actions.teamId, team.id));

  const [wording, rounds, adopted, agreed, proposalCounts, [people], [noteCount]] =
    await Promise.all([
      db
        .select({ practiceId: practiceVersions.practiceId, title: practiceVersions.title })
        .from(practiceVersions)
        .where(eq(practiceVersions.versionId, session.essayVersionId))
        .orderBy(asc(practiceVersions.position)),
      db
        .select()
        .from(votingRounds)
        .where(eq(votingRounds.sessionId, session.id))
        .orderBy(asc(votingRounds.number)),
      db
        .select({ practiceId: adoptedPractices.practiceId, adoptedAt: adoptedPractices.adoptedAt })
        .from(adoptedPractices)
        .where(
          and(eq(adoptedPractices.sessionId, session.id), eq(adoptedPractices.teamId, team.id)),
        )
        .orderBy(asc(adoptedPractices.adoptedAt), asc(adoptedPractices.id)),
      db
        .select({
          id: actions.id,
          title: actions.title,
          status: actions.status,
          ownerName: users.name,
          dueOn: actions.dueOn,
          practiceId: actions.practiceId,
          completedAt: actions.completedAt,
        })
        .from(actions)
        .leftJoin(users, eq(users.id, actions.ownerId))
        .where(
          and(ofSession, isNull(actions.mergedIntoId), ne(actions.status, "proposed"), everKeptSql),
        )
        .orderBy(asc(actions.createdAt), asc(actions.id)),
      db
        .select({
          merged: sql<number>`count(*) filter (where ${actions.mergedIntoId} is not null)::int`,
          dropped: sql<number>`count(*) filter (where ${actions.mergedIntoId} is null
            and ${actions.status} = 'dropped' and not ${everKeptSql})::int`,
          open: sql<number>`count(*) filter (where ${actions.mergedIntoId} is null
            and ${actions.status} = 'proposed')::int`,
        })
        .from(actions)
        .where(ofSession),
      db
        .select({ count })
        .from(participants)
        .where(and(eq(participants.sessionId, session.id), isNull(participants.removedAt))),
      db
        .select({ count })
        .from(notes)
        .where(and(eq(notes.sessionId, session.id), isNull(notes.hiddenAt))),
    ]);

  const titles = new Map(wording.map((w) => [w.practiceId, w.title]));
  const position = new Map(wording.map((w, index) => [w.practiceId, index]));
  const titleOf = (practiceId: string) => titles.get(practiceId) ?? "Untitled practice";
  const revealed = rounds.filter((round) => round.status === "revealed");

  return {
    session: {
      id: session.id,
      title: session.title,
      createdAt: session.createdAt,
      endedAt: session.endedAt,
    },
    team: { id: team.id, slug: team.slug, name: team.name },
    workshop: { title: workshop.title, version: workshop.number },
    participants: people?.count ?? 0,
    rounds: await Promise.all(revealed.map((round) => roundSummary(db, round, titleOf))),
    unrevealedRounds: rounds.length - revealed.length,
    adopted: adopted.map((a) => ({ ...a, title: titleOf(a.practiceId) })),
    actions: agreed
      .map((a): SummaryAction & { practiceId: string | null } => ({
        ...a,
        status: a.status as SummaryAction["status"],
        practiceTitle: a.practiceId ? titleOf(a.practiceId) : null,
      }))
      // Grouped by practice in the essay's order; the order they were written within one.
      .sort(
        (a, b) =>
          (a.practiceId ? (position.get(a.practiceId) ?? 999) : 1000) -
          (b.practiceId ? (position.get(b.practiceId) ?? 999) : 1000),
      )
      .map(({ practiceId: _practiceId, ...action }) => action),
    proposals: {
      dropped: proposalCounts[0]?.dropped ?? 0,
      merged: proposalCounts[0]?.merged ?? 0,
      open: proposalCounts[0]?.open ?? 0,
    },
    notes: noteCount?.count ?? 0,
  };
}
