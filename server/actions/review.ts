import "server-only";

import { and, asc, eq, isNull, ne, sql } from "drizzle-orm";

import type { Database } from "~/db";
import { actionReviews, actions, sessions, users, type ReviewOutcome } from "~/db/schema";

import { mayReviewFromPhone } from "../auth/policy";
import { SessionRuleError } from "../sessions/commands";
import { practiceTitleSql, statusChange } from "./board";
import { recordActionEvent } from "./history";
import type { BoardStatus } from "./inputs";
import { ActionRuleError } from "./rules";

type Session = typeof sessions.$inferSelect;

const earlierSessions = sql`${actions.sessionId} is distinct from`;

/**
 * What the review stage lists: the team's actions still open from earlier sessions, plus those
 * this review already decided (so a done or dropped one stays on the list with its outcome).
 */
export async function reviewList(db: Database, session: Pick<Session, "id" | "teamId">) {
  const origin = db
    .select({ id: sessions.id, title: sessions.title, createdAt: sessions.createdAt })
    .from(sessions)
    .as("origin");
  return db
    .select({
      id: actions.id,
      title: actions.title,
      status: actions.status,
      ownerId: actions.ownerId,
      ownerName: users.name,
      dueOn: actions.dueOn,
      practiceTitle: practiceTitleSql,
      fromSession: origin.title,
      fromSessionAt: origin.createdAt,
      outcome: actionReviews.outcome,
    })
    .from(actions)
    .leftJoin(users, eq(users.id, actions.ownerId))
    .leftJoin(origin, eq(origin.id, actions.sessionId))
    .leftJoin(
      actionReviews,
      and(eq(actionReviews.actionId, actions.id), eq(actionReviews.sessionId, session.id)),
    )
    .where(
      and(
        eq(actions.teamId, session.teamId),
        sql`${earlierSessions} ${session.id}`,
        isNull(actions.mergedIntoId),
        sql`(${actions.status} in ('todo', 'doing') or ${actionReviews.actionId} is not null)`,
      ),
    )
    .orderBy(sql`${actions.dueOn} asc nulls last`, asc(actions.createdAt), asc(actions.id));
}

export type ReviewItem = Awaited<ReturnType<typeof reviewList>>[number];

/**
 * Who decides in a review: the facilitator (any action), or a signed-in member on their phone
 * deciding about an action they own (see policy.mayReviewFromPhone).
 */
export type Reviewer =
  { userId: string } | { participantId: string; participantUserId: string | null };

/**
 * A decision on an open action during review: done and dropped move it on the board; carried
 * over keeps it open (to do or doing) for the weeks ahead. Deciding again replaces the earlier
 * decision, so a misclick is undone by clicking the right outcome.
 */
export async function reviewAction(
  db: Database,
  session: Session,
  reviewer: Reviewer,
  actionId: string,
  outcome: ReviewOutcome,
) {
  if (session.endedAt) throw new SessionRuleError({ key: "sessions.ended" });
  if (session.stage !== "review") {
    throw new SessionRuleError({ key: "actions.reviewStageOnly" });
  }
  return db.transaction(async (tx) => {
    const [action] = await tx
      .select()
      .from(actions)
      .where(
        and(
          eq(actions.id, actionId),
          eq(actions.teamId, session.teamId),
          sql`${earlierSessions} ${session.id}`,
          ne(actions.status, "proposed"),
          isNull(actions.mergedIntoId),
        ),
      )
      .for("update");
    if (!action) {
      throw new ActionRuleError({ key: "actions.notToReview" }, "NOT_FOUND");
    }
    if (
      "participantId" in reviewer &&
      !mayReviewFromPhone(reviewer.participantUserId, action.ownerId)
    ) {
      throw new ActionRuleError({ key: "actions.ownActionsOnly" }, "CONFLICT");
    }
    const userId = "userId" in reviewer ? reviewer.userId : reviewer.participantUserId;
    const actor = "userId" in reviewer ? reviewer : { participantId: reviewer.participantId };
    const [earlier] = await tx
      .select({ outcome: actionReviews.outcome })
      .from(actionReviews)
      .where(and(eq(actionReviews.sessionId, session.id), eq(actionReviews.actionId, action.id)));
    if (!earlier && action.status !== "todo" && action.status !== "doing") {
      throw new ActionRuleError({ key: "actions.noLongerOpen" }, "CONFLICT");
    }
    if (earlier?.outcome === outcome) return { changed: false };
    // Carrying over an action this review had closed reopens it as to do.
    const status: BoardStatus =
      outcome === "carried"
        ? action.status === "done" || action.status === "dropped"
          ? "todo"
          : (action.status as BoardStatus)
        : outcome;
    const now = new Date();
    if (status !== action.status) {
      await tx
        .update(actions)
        .set({ ...statusChange(status, now), updatedAt: now })
        .where(eq(actions.id, action.id));
    }
    await tx
      .insert(actionReviews)
      .values({ sessionId: session.id, actionId: action.id, outcome, reviewedById: userId })
      .onConflictDoUpdate({
        target: [actionReviews.sessionId, actionReviews.actionId],
        set: { outcome, reviewedById: userId, reviewedAt: now },
      });
    await recordActionEvent(tx, {
      actionId: action.id,
      actor,
      kind: "reviewed",
      changes: {
        review: [earlier?.outcome ?? null, outcome],
        ...(status !== action.status ? { status: [action.status, status] } : {}),
      },
    });
    return { changed: true };
  });
}
