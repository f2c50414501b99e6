import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";

import type { DatabaseHandle } from "~/db";
import type { authConfig as AuthConfigValue } from "~/server/auth/config";
import { accountSessions, sessions, teamMemberships } from "~/db/schema";
import { whileAllowed } from "~/server/api/live-access";
import { createCaller } from "~/server/api/root";
import {
  endAccountSession,
  endAccountSessionsOf,
  startAccountSession,
} from "~/server/auth/account-sessions";
import { loadSignedInUser, type CurrentUser } from "~/server/auth/active-user";
import type { EventBus } from "~/server/realtime/bus";
import { createInProcessBus } from "~/server/realtime/in-process-bus";

import { callerFor, createUser, testContext } from "../helpers/callers";
import { createTestDatabase, type TestDatabase } from "../helpers/database";
import { createTeamWithSession, type TeamWithSession } from "../helpers/fixtures";

let database: TestDatabase;
const db = () => database.db;
let bus: EventBus;
let admin: CurrentUser;
let home: TeamWithSession;

beforeAll(async () => {
  database = await createTestDatabase();
  bus = createInProcessBus();
  admin = await createUser(db(), "admin", "Ada");
  home = await createTeamWithSession(db(), "accounts");
});
afterAll(() => database.destroy());

/** Signs a person in as the browser would: a recorded sign-in whose id the request carries. */
async function signIn(user: CurrentUser): Promise<CurrentUser> {
  return { ...user, accountSessionId: await startAccountSession(db(), user.id) };
}

/** What the next request of this sign-in is let in as (getCurrentUser without the cookie work). */
function nextRequest(user: CurrentUser) {
  return loadSignedInUser(db(), { userId: user.id, accountSessionId: user.accountSessionId! });
}

/** The admin, on the bus the streams listen to (so that their changes are pushed). */
const asAdmin = () => createCaller(testContext(db(), admin, { bus }));

/** A facilitator of the home team (a new one per test, so tests don't share who is demoted). */
async function newFacilitator(name: string) {
  const user = await createUser(db(), "facilitator", name);
  await db()
    .insert(teamMemberships)
    .values({ teamId: home.team.id, userId: user.id, role: "facilitator" });
  return signIn(user);
}

/** A live stream opened as `user`, re-checking access every `recheckMs` while quiet. */
async function openStream(
  user: CurrentUser,
  open: (caller: ReturnType<typeof createCaller>) => Promise<AsyncIterable<unknown>>,
  recheckMs: number,
) {
  const controller = new AbortController();
  const caller = createCaller(
    { ...testContext(db(), user, { bus }), liveRecheckMs: recheckMs },
    { signal: controller.signal },
  );
  const iterator = (await open(caller))[Symbol.asyncIterator]();
  await iterator.next(); // the current state, sent at once
  return { iterator, close: () => controller.abort() };
}

/** Reads a stream until it fails; a stream that ends quietly fails the test. */
async function failureOf(iterator: AsyncIterator<unknown>) {
  for (;;) {
    const next = await iterator.next();
    if (next.done) throw new Error("The stream ended without an error.");
  }
}

const anHour = 60 * 60 * 1000;

type AuthConfig = typeof AuthConfigValue;
type JwtInput = Parameters<AuthConfig["callbacks"]["jwt"]>[0];
type SessionInput = Parameters<AuthConfig["callbacks"]["session"]>[0];

/** Moves the session to another stage: a real change, so every open screen gets a push. */
async function changeStage() {
  const [session] = await db().select().from(sessions).where(eq(sessions.id, home.session.id));
  await asAdmin().session.stage({
    sessionId: home.session.id,
    command: { type: "goto", stage: session!.stage === "read" ? "discuss" : "read" },
  });
}

describe("sign-ins", () => {
  it("lets a token in while its sign-in is open and refuses it once that sign-in has ended", async () => {
    const member = await signIn(await createUser(db(), "member", "Signed in"));
    expect(await nextRequest(member)).toEqual(member);
    await endAccountSession(db(), member.accountSessionId!);
    expect(await nextRequest(member)).toBeNull();
  });

  it("refuses a sign-in presented with another account's id", async () => {
    const owner = await signIn(await createUser(db(), "member", "Owner"));
    const other = await createUser(db(), "member", "Other");
    expect(
      await loadSignedInUser(db(), { userId: other.id, accountSessionId: owner.accountSessionId! }),
    ).toBeNull();
  });

  it("ending one sign-in leaves the account's other sign-ins open", async () => {
    const user = await createUser(db(), "member", "Two devices");
    const laptop = await signIn(user);
    const phone = await signIn(user);
    await endAccountSession(db(), laptop.accountSessionId!);
    expect(await nextRequest(laptop)).toBeNull();
    expect(await nextRequest(phone)).toEqual(phone);
  });
});

// next-auth's entry imports "next/server", which only resolves inside Next; the config needs
// no more of it than this error class, which next-auth re-exports from @auth/core.
vi.mock("next-auth", async () => ({
  CredentialsSignin: (await import("@auth/core/errors")).CredentialsSignin,
}));

describe("the session token (Auth.js callbacks)", () => {
  let authConfig: AuthConfig;
  const key = Symbol.for("practica.database");
  const global = globalThis as typeof globalThis & { [key]?: DatabaseHandle };

  beforeAll(async () => {
    vi.stubEnv("AUTH_SECRET", "test-secret-that-is-long-enough-for-auth-0123456789");
    // The config reaches the database through getDatabase(): hand it this test's database.
    global[key] = database;
    ({ authConfig } = await import("~/server/auth/config"));
  });
  afterAll(() => {
    delete global[key];
    vi.unstubAllEnvs();
  });

  it("records a sign-in in the token at sign-in, and signing out ends it", async () => {
    const user = await createUser(db(), "member", "Token holder");
    const token = await authConfig.callbacks.jwt({
      token: {},
      user: { id: user.id },
    });
    expect(token.sub).toBe(user.id);
    expect(typeof token.sid).toBe("string");
    const session = authConfig.callbacks.session({
      session: { user: {}, expires: "" },
      token,
    } as unknown as SessionInput);
    expect(session).toMatchObject({
      user: { id: user.id },
      accountSessionId: token.sid,
    });
    const signedIn = { ...user, accountSessionId: token.sid as string };
    expect(await nextRequest(signedIn)).toEqual(signedIn);

    // Later requests refresh the token without a user: the same sign-in, no new row.
    const refreshed = await authConfig.callbacks.jwt({ token } as JwtInput);
    expect(refreshed.sid).toBe(token.sid);
    const rows = await db()
      .select()
      .from(accountSessions)
      .where(eq(accountSessions.userId, user.id));
    expect(rows).toHaveLength(1);

    await authConfig.events.signOut({ token });
    expect(await nextRequest(signedIn)).toBeNull();
  });
});

describe("deactivation and role changes", () => {
  it("deactivation ends every sign-in of the account, and reactivation brings none back", async () => {
    const user = await createUser(db(), "member", "Leaver");
    const laptop = await signIn(user);
    const phone = await signIn(user);
    expect(await callerFor(db(), await nextRequest(laptop)).account.me()).toMatchObject({
      id: user.id,
    });

    await asAdmin().adminUsers.deactivate({ userId: user.id });
    expect(await nextRequest(laptop)).toBeNull();
    expect(await nextRequest(phone)).toBeNull();
    await expect(callerFor(db(), await nextRequest(laptop)).account.me()).rejects.toMatchObject({
      code: "UNAUTHORIZED",
    });

    await asAdmin().adminUsers.reactivate({ userId: user.id });
    expect(await nextRequest(laptop)).toBeNull();
    expect(await nextRequest(await signIn(user))).toMatchObject({ id: user.id });
    // Of the three sign-ins, only the one made after reactivation was still open.
    expect(await endAccountSessionsOf(db(), user.id)).toBe(1);
  });

  it("a facilitator demoted to member is refused at the next facilitator call", async () => {
    const facilitator = await newFacilitator("Demoted");
    const first = callerFor(db(), await nextRequest(facilitator));
    await first.team.listInvites({ teamId: home.team.id });

    await asAdmin().adminUsers.changeRole({ userId: facilitator.id, role: "member" });
    const next = callerFor(db(), await nextRequest(facilitator));
    await expect(next.team.listInvites({ teamId: home.team.id })).rejects.toMatchObject({
      code: "FORBIDDEN",
    });
    await expect(next.team.create({ name: "A team of my own" })).rejects.toMatchObject({
      code: "FORBIDDEN",
    });
    // Still a member: the account itself is fine.
    expect(await next.account.me()).toMatchObject({ role: "member" });
  });
});

describe("open live streams", () => {
  it("a console open during a demotion ends at the next push", async () => {
    const facilitator = await newFacilitator("Console demoted");
    // Re-checks while quiet are out of the way: only the push can end this stream.
    const stream = await openStream(
      facilitator,
      (c) => c.session.consoleLive({ sessionId: home.session.id }),
      anHour,
    );
    await asAdmin().adminUsers.changeRole({ userId: facilitator.id, role: "member" });
    await changeStage();
    await expect(failureOf(stream.iterator)).rejects.toMatchObject({ code: "FORBIDDEN" });
    stream.close();
  });

  it("a console open during a deactivation ends with no push at all", async () => {
    const facilitator = await newFacilitator("Console deactivated");
    const stream = await openStream(
      facilitator,
      (c) => c.session.consoleLive({ sessionId: home.session.id }),
      20,
    );
    await asAdmin().adminUsers.deactivate({ userId: facilitator.id });
    await expect(failureOf(stream.iterator)).rejects.toMatchObject({ code: "UNAUTHORIZED" });
    stream.close();
  });

  it("a big screen ends once its facilitator signs out", async () => {
    const facilitator = await newFacilitator("Presenter");
    const stream = await openStream(
      facilitator,
      (c) => c.session.presenterLive({ sessionId: home.session.id }),
      anHour,
    );
    await endAccountSession(db(), facilitator.accountSessionId!);
    await changeStage();
    await expect(failureOf(stream.iterator)).rejects.toMatchObject({ code: "UNAUTHORIZED" });
    stream.close();
  });

  it("a board ends once its viewer is removed from the team", async () => {
    const member = await signIn(await createUser(db(), "member", "Board viewer"));
    await db()
      .insert(teamMemberships)
      .values({ teamId: home.team.id, userId: member.id, role: "member" });
    const stream = await openStream(member, (c) => c.board.live({ teamId: home.team.id }), 20);
    await asAdmin().adminTeams.removeMember({ teamId: home.team.id, userId: member.id });
    await expect(failureOf(stream.iterator)).rejects.toMatchObject({ code: "FORBIDDEN" });
    stream.close();
  });

  it("a console whose facilitator keeps access stays open through re-checks and pushes", async () => {
    const facilitator = await newFacilitator("Still here");
    const stream = await openStream(
      facilitator,
      (c) => c.session.consoleLive({ sessionId: home.session.id }),
      20,
    );
    // Let several quiet re-checks pass, then a push: it arrives.
    await new Promise((resolve) => setTimeout(resolve, 150));
    await changeStage();
    const next = await stream.iterator.next();
    expect(next.done).toBe(false);
    stream.close();
    expect((await stream.iterator.next()).done).toBe(true);
  });

  it("a re-check that can't reach the database leaves the stream open", async () => {
    const viewer = await signIn(await createUser(db(), "member", "Through an outage"));
    const logged = vi.spyOn(console, "error").mockImplementation(() => {});
    let checks = 0;
    async function* pushes() {
      for (const push of ["first", "second"]) yield await Promise.resolve(push);
    }
    const received: string[] = [];
    const stream = whileAllowed(
      { db: db(), user: viewer },
      () => {
        checks += 1;
        return Promise.reject(new Error("connection refused"));
      },
      undefined,
      pushes,
    );
    for await (const push of stream) received.push(push);
    expect(received).toEqual(["first", "second"]);
    expect(checks).toBe(2);
    expect(logged).toHaveBeenCalled();
    logged.mockRestore();
  });
});
