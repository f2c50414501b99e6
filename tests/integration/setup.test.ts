import { TRPCError } from "@trpc/server";
import { count } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { users } from "~/db/schema";

import { callerFor } from "../helpers/callers";
import { createTestDatabase, type TestDatabase } from "../helpers/database";

let database: TestDatabase;
beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(() => database.destroy());

const admin = { email: "Ada@Example.test", name: "Ada", password: "a long enough password" };

describe("first-run setup", () => {
  it("reports a fresh install, then creates exactly one admin even when raced", async () => {
    const anonymous = callerFor(database.db, null);
    expect(await anonymous.setup.status()).toEqual({ complete: false });

    const attempts = await Promise.allSettled(
      Array.from({ length: 6 }, (_, i) =>
        anonymous.setup.createAdmin({ ...admin, email: `admin${i}@example.test` }),
      ),
    );
    const won = attempts.filter((a) => a.status === "fulfilled");
    expect(won).toHaveLength(1);
    for (const attempt of attempts.filter((a) => a.status === "rejected")) {
      expect(attempt.reason).toMatchObject({ code: "FORBIDDEN" });
    }

    const rows = await database.db.select().from(users);
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ role: "admin" });
    expect(rows[0]!.passwordHash).toMatch(/^scrypt\$/);
    expect(await anonymous.setup.status()).toEqual({ complete: true });
  });

  it("refuses a second setup with a clear message and changes nothing", async () => {
    const attempt = callerFor(database.db, null).setup.createAdmin(admin);
    await expect(attempt).rejects.toThrow(TRPCError);
    await expect(attempt).rejects.toThrow("already set up");
    const [row] = await database.db.select({ n: count() }).from(users);
    expect(row!.n).toBe(1);
  });

  it("rejects bad input field by field, creating nothing", async () => {
    const fresh = await createTestDatabase();
    try {
      const attempt = callerFor(fresh.db, null).setup.createAdmin({
        email: "not an email",
        name: "",
        password: "short",
      });
      await expect(attempt).rejects.toMatchObject({ code: "BAD_REQUEST" });
      await expect(attempt).rejects.toThrow(/valid email/);
      await expect(attempt).rejects.toThrow(/at least 10 characters/);
      expect(await fresh.db.select().from(users)).toHaveLength(0);
    } finally {
      await fresh.destroy();
    }
  });
});
