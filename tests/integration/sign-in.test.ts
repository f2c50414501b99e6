import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { users } from "~/db/schema";
import { checkPassword, signInFailuresPerEmail } from "~/server/accounts/sign-in";
import { createFirstAdmin } from "~/server/accounts/setup";
import { hashPassword } from "~/server/auth/password";

import { createTestDatabase, type TestDatabase } from "../helpers/database";

let database: TestDatabase;
const password = "a long enough password";
beforeAll(async () => {
  database = await createTestDatabase();
  await createFirstAdmin(database.db, { email: "ada@example.test", name: "Ada", password });
});
afterAll(() => database.destroy());

const attempt = (email: string, pw: string, clientKey = "client-a") =>
  checkPassword(database.db, { email, password: pw, clientKey });

describe("password sign-in", () => {
  it("accepts the right password, whatever the email's case", async () => {
    expect(await attempt(" ADA@example.test ", password)).toMatchObject({
      ok: true,
      user: { email: "ada@example.test", name: "Ada" },
    });
  });

  it("gives the same answer for a wrong password and an unknown email", async () => {
    expect(await attempt("ada@example.test", "wrong password!")).toEqual({
      ok: false,
      reason: "invalid",
    });
    expect(await attempt("nobody@example.test", password)).toEqual({
      ok: false,
      reason: "invalid",
    });
  });

  it("pauses an email after repeated failures, even for the right password", async () => {
    const email = "grace@example.test";
    await database.db
      .insert(users)
      .values({ email, name: "Grace", passwordHash: await hashPassword(password) });
    for (let i = 0; i < signInFailuresPerEmail.limit; i++) {
      expect(await attempt(email, `wrong ${i}`, `client-${i}`)).toMatchObject({
        reason: "invalid",
      });
    }
    const paused = await attempt(email, password, "another-client");
    expect(paused).toMatchObject({ ok: false, reason: "rate_limited" });
    expect(
      paused.ok === false && paused.reason === "rate_limited" && paused.retryAfterSeconds,
    ).toBeGreaterThan(60);
  });

  it("refuses a deactivated account", async () => {
    await database.db
      .update(users)
      .set({ deactivatedAt: new Date() })
      .where(eq(users.email, "ada@example.test"));
    expect(await attempt("ada@example.test", password)).toEqual({ ok: false, reason: "invalid" });
  });
});
