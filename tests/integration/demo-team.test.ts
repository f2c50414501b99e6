import { asc, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { actionReviews, actions, adoptedPractices, auditLog, sessions, teams } from "~/db/schema";
import { boardActions } from "~/server/actions/board";
import { dayOf, followThrough } from "~/server/actions/follow-through";
import { demoTeamSlug, seedDemoTeam } from "~/server/demo/demo-team";

import { createTestDatabase, type TestDatabase } from "../helpers/database";

let database: TestDatabase;
let teamId: string;
beforeAll(async () => {
  database = await createTestDatabase();
  expect(await seedDemoTeam(database.db)).toEqual({ created: true });
  const [team] = await database.db.select().from(teams).where(eq(teams.slug, demoTeamSlug));
  teamId = team!.id;
}, 120_000);
afterAll(() => database.destroy());

describe("the demo team tells the follow-through story", () => {
  it("held two ended workshops a week apart", async () => {
    const held = await database.db
      .select({ id: sessions.id, createdAt: sessions.createdAt, endedAt: sessions.endedAt })
      .from(sessions)
      .where(eq(sessions.teamId, teamId))
      .orderBy(asc(sessions.createdAt));
    expect(held).toHaveLength(2);
    const days = (held[1]!.createdAt.getTime() - held[0]!.createdAt.getTime()) / 86_400_000;
    expect(days).toBeCloseTo(7, 0);
    expect(held.every((session) => session.endedAt !== null)).toBe(true);
  });

  it("adopted practices in both, and reviewed the first one's open actions in the second", async () => {
    const adopted = await database.db
      .select({ sessionId: adoptedPractices.sessionId })
      .from(adoptedPractices)
      .where(eq(adoptedPractices.teamId, teamId));
    expect(new Set(adopted.map((row) => row.sessionId)).size).toBe(2);
    const reviews = await database.db
      .select({ outcome: actionReviews.outcome })
      .from(actionReviews)
      .innerJoin(actions, eq(actions.id, actionReviews.actionId))
      .where(eq(actions.teamId, teamId));
    expect(new Set(reviews.map((row) => row.outcome))).toEqual(
      new Set(["done", "carried", "dropped"]),
    );
  });

  it("has actions in every column and every follow-through bucket", async () => {
    const board = await boardActions(database.db, teamId);
    expect(new Set(board.map((action) => action.status))).toEqual(
      new Set(["todo", "doing", "done", "dropped"]),
    );
    const counts = followThrough(board, dayOf(new Date()));
    for (const bucket of ["doneOnTime", "doneLate", "open", "overdue", "dropped"] as const) {
      expect(counts[bucket], bucket).toBeGreaterThan(0);
    }
    const kept = board.filter((action) => action.status !== "dropped");
    expect(kept.every((action) => action.ownerName !== null)).toBe(true);
  });

  it("was set up by an admin, so the audit log shows their work", async () => {
    const entries = await database.db
      .select({ action: auditLog.action, createdAt: auditLog.createdAt })
      .from(auditLog)
      .orderBy(asc(auditLog.createdAt));
    expect(new Set(entries.map((entry) => entry.action))).toEqual(
      new Set(["user.create", "user.role", "team.member.add", "user.invite"]),
    );
    expect(entries.filter((entry) => entry.action === "user.create")).toHaveLength(4);
    // Set up before the first workshop; the sign-up link is today's.
    expect(entries[0]!.createdAt.getTime()).toBeLessThan(Date.now() - 8 * 86_400_000);
    expect(entries.at(-1)!.action).toBe("user.invite");
  });

  it("seeds once: a second run leaves the team as it is", async () => {
    expect(await seedDemoTeam(database.db)).toEqual({ created: false });
  });
});
