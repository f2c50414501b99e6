import "server-only";

import { and, eq } from "drizzle-orm";

import type { Database } from "~/db";
import { adoptedPractices, type sessions } from "~/db/schema";

import { SessionRuleError } from "../sessions/commands";
import { assertPracticeOfVersion } from "../sessions/content";
import { resultsRanking } from "./state";

type Session = typeof sessions.$inferSelect;

/** Decisions are taken once results are in, and may be revised while actions are written. */
const decidingStages = new Set(["results", "actions"]);

/**
 * Marks a practice as adopted by the team in this session (or takes that back), recording the
 * round and the tally row that supported the decision as they stood.
 */
export async function setAdopted(
  db: Database,
  session: Session,
  decidedById: string,
  practiceId: string,
  adopted: boolean,
) {
  if (session.endedAt) throw new SessionRuleError({ key: "sessions.ended" });
  if (!decidingStages.has(session.stage)) {
    throw new SessionRuleError({ key: "voting.adoptAfterResults" });
  }
  await assertPracticeOfVersion(db, session.essayVersionId, practiceId);

  if (!adopted) {
    const removed = await db
      .delete(adoptedPractices)
      .where(
        and(
          eq(adoptedPractices.sessionId, session.id),
          eq(adoptedPractices.practiceId, practiceId),
        ),
      )
      .returning({ id: adoptedPractices.id });
    return { changed: removed.length > 0 };
  }
  const results = await resultsRanking(db, session.id, practiceId);
  const row = results?.rows.find((r) => r.practiceId === practiceId);
  const added = await db
    .insert(adoptedPractices)
    .values({
      teamId: session.teamId,
      sessionId: session.id,
      practiceId,
      // The evidence is the round that ranked this practice; one it wasn't on supports nothing.
      roundId: row ? results!.roundId : null,
      tally: row ? { method: results!.method, ballots: results!.ballots, ...row } : null,
      adoptedById: decidedById,
    })
    .onConflictDoNothing()
    .returning({ id: adoptedPractices.id });
  return { changed: added.length > 0 };
}
