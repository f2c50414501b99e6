import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { users } from "~/db/schema";
import { recordAudit } from "~/server/admin/audit";
import { auditPageSize } from "~/server/admin/audit-log";
import type { CurrentUser } from "~/server/auth/active-user";

import { callerFor, createUser } from "../helpers/callers";
import { createTestDatabase, type TestDatabase } from "../helpers/database";

let database: TestDatabase;
const db = () => database.db;
let admin: CurrentUser;

beforeAll(async () => {
  database = await createTestDatabase();
  admin = await createUser(db(), "admin", "Ada");
});
afterAll(() => database.destroy());

const asAdmin = () => callerFor(db(), admin);

/** An account whose email is stored the way the app stores emails: lower-cased, no spaces. */
async function person(role: "admin" | "facilitator" | "member", name: string) {
  const user = await createUser(db(), role, name);
  const email = `${name.toLowerCase().replace(/\W+/g, "-")}-${user.id}@example.test`;
  await db().update(users).set({ email }).where(eq(users.id, user.id));
  return { ...user, email };
}

describe("the audit log", () => {
  it("lists user, team and content changes with who made them, newest first", async () => {
    const bea = await person("member", "Bea");
    await asAdmin().adminUsers.changeRole({ userId: bea.id, role: "facilitator" });
    const team = await asAdmin().team.create({ name: "Audited" });
    await asAdmin().adminTeams.addMember({ teamId: team.id, email: bea.email });
    // What the content editor writes, through the same writer.
    await db().transaction((tx) =>
      recordAudit(tx, {
        actorId: admin.id,
        action: "content.publish",
        targetType: "essay",
        targetId: null,
        details: { title: "The essay" },
      }),
    );

    const { entries, hasMore } = await asAdmin().adminAudit.list({});
    expect(hasMore).toBe(false);
    expect(entries.map((entry) => entry.action)).toEqual([
      "content.publish",
      "team.member.add",
      "team.create",
      "user.role",
    ]);
    expect(entries[0]).toMatchObject({ actorName: "Ada", actorEmail: admin.email });
    const times = entries.map((entry) => entry.createdAt.getTime());
    expect([...times].sort((a, b) => b - a)).toEqual(times);
  });

  it("filters by kind", async () => {
    const kinds = async (kind: "content" | "users" | "teams") =>
      (await asAdmin().adminAudit.list({ kind })).entries.map((entry) => entry.action);
    expect(await kinds("users")).toEqual(["user.role"]);
    expect(await kinds("teams")).toEqual(["team.member.add", "team.create"]);
    expect(await kinds("content")).toEqual(["content.publish"]);
  });

  it("comes in bounded pages", async () => {
    await db().transaction(async (tx) => {
      for (let i = 0; i < auditPageSize; i++) {
        await recordAudit(tx, {
          actorId: admin.id,
          action: "user.create",
          targetType: "user",
          targetId: null,
        });
      }
    });
    const first = await asAdmin().adminAudit.list({ page: 1 });
    const second = await asAdmin().adminAudit.list({ page: 2 });
    expect(first.entries).toHaveLength(auditPageSize);
    expect(first.hasMore).toBe(true);
    expect(second.entries).toHaveLength(4);
    expect(second.hasMore).toBe(false);
    const ids = new Set([...first.entries, ...second.entries].map((entry) => entry.id));
    expect(ids.size).toBe(auditPageSize + 4);
  });

  it("keeps an entry whose admin account is gone, without a name", async () => {
    const gone = await createUser(db(), "admin", "Gone");
    await db().transaction((tx) =>
      recordAudit(tx, {
        actorId: gone.id,
        action: "team.member.remove",
        targetType: "membership",
        targetId: null,
      }),
    );
    await db().delete(users).where(eq(users.id, gone.id));
    const { entries } = await asAdmin().adminAudit.list({ kind: "teams" });
    expect(entries[0]).toMatchObject({ action: "team.member.remove", actorName: null });
  });
});
