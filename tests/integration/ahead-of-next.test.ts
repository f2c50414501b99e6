import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";

import { eq } from "drizzle-orm";
import superjson from "superjson";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";

import { ballots } from "~/db/schema";
import type { GuestContextOf } from "~/server/api/guest-context";
import { createCaller } from "~/server/api/root";
import { createInProcessBus } from "~/server/realtime/in-process-bus";
import { peopleOf } from "~/server/sessions/people";
import type { RoomSnapshot } from "~/server/sessions/snapshot";

import { testContext } from "../helpers/callers";
import { createTestDatabase, type TestDatabase } from "../helpers/database";
import { createTeamWithSession, type TeamWithSession } from "../helpers/fixtures";
import { createHttpClient } from "../helpers/http-client";

/*
 * The phones' requests the production server answers before Next's request pipeline
 * (server/ahead-of-next.ts), served here by a real Node HTTP server on a test database. What they
 * leave to Next gets 418 here, so a test can tell "answered" from "left to Next".
 */

// The routes read the validated environment when they load.
vi.hoisted(() => {
  process.env.AUTH_SECRET ??= "test-secret-that-is-long-enough-for-hmac-0123456789";
});
const { aheadOfNext } = await import("~/server/ahead-of-next");

let database: TestDatabase;
let home: TeamWithSession;
let server: Server;
let baseUrl: string;
const bus = createInProcessBus();
/** The headers of every context the routes made, newest last. */
const contextHeaders: Headers[] = [];

const contextOf: GuestContextOf = (headers, responseHeaders) => {
  contextHeaders.push(headers);
  return { ...testContext(database.db, null, { bus }), headers, responseHeaders };
};

beforeAll(async () => {
  database = await createTestDatabase();
  home = await createTeamWithSession(database.db, "ahead-of-next");
  const answer = aheadOfNext(contextOf);
  server = createServer((request, response) => {
    if (!answer(request, response)) response.writeHead(418).end("left to Next");
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(async () => {
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
  await database.destroy();
});

const facilitator = () => createCaller(testContext(database.db, home.facilitator, { bus }));

const json = { "content-type": "application/json" };
const joinUrl = () => `${baseUrl}/api/trpc/participant.join`;
const joinBody = (name: string) =>
  JSON.stringify(
    superjson.serialize({
      code: home.session.joinCode,
      displayName: name,
      joinKey: `join-key-${name}`,
    }),
  );
const liveUrl = (path = "participant.live") =>
  `${baseUrl}/api/live/${path}?input=${encodeURIComponent(
    JSON.stringify(superjson.serialize({ sessionId: home.session.id })),
  )}`;

describe("phones' requests answered ahead of Next", () => {
  it("let a phone join, follow the room live and vote, with the cookie its join set", async () => {
    const { client, jar } = createHttpClient(baseUrl);
    const joined = await client.participant.join.mutate({
      code: home.session.joinCode,
      displayName: "Ada",
      joinKey: "join-key-ada",
    });
    expect(joined.sessionId).toBe(home.session.id);
    expect(jar.header()).toContain("=");

    const rooms: RoomSnapshot[] = [];
    const subscription = client.participant.live.subscribe(
      { sessionId: home.session.id, lastEventId: null },
      { onData: ({ data }) => rooms.push(data) },
    );
    await vi.waitFor(() => expect(rooms.at(-1)?.session.stage).toBe("lobby"));

    const { session, voting } = facilitator();
    await session.stage({ sessionId: home.session.id, command: { type: "goto", stage: "vote" } });
    const { roundId } = await voting.open({
      sessionId: home.session.id,
      method: "dots",
      dots: 3,
      maxDotsPerPractice: 2,
    });
    await vi.waitFor(() => expect(rooms.at(-1)?.voting.round?.id).toBe(roundId), {
      timeout: 5_000,
    });
    const practiceId = rooms.at(-1)!.voting.round!.practiceIds[0]!;
    const cast = await client.voting.cast.mutate({
      sessionId: home.session.id,
      roundId,
      submissionId: "ballot-of-ada",
      marks: [{ practiceId, points: 2, importance: null }],
    });
    expect(cast.changed).toBe(true);
    const stored = await database.db.select().from(ballots).where(eq(ballots.roundId, roundId));
    expect(stored).toHaveLength(1);
    subscription.unsubscribe();
  });

  it("send the security headers every API response carries, and no caching of calls", async () => {
    const response = await fetch(joinUrl(), {
      method: "POST",
      headers: json,
      body: joinBody("Ben"),
    });
    expect(response.status).toBe(200);
    expect(response.headers.get("content-security-policy")).toContain("default-src 'none'");
    expect(response.headers.get("x-content-type-options")).toBe("nosniff");
    expect(response.headers.get("x-frame-options")).toBe("DENY");
    expect(response.headers.get("cache-control")).toBe("no-store, no-transform");

    const stream = await fetch(liveUrl(), {
      headers: { cookie: response.headers.getSetCookie()[0]!.split(";")[0]! },
    });
    expect(stream.headers.get("content-type")).toBe("text/event-stream");
    expect(stream.headers.get("content-security-policy")).toContain("default-src 'none'");
    await stream.body!.cancel();
  });

  it("key rate limits on the socket's address when no proxy names the client, as Next does", async () => {
    await fetch(joinUrl(), { method: "POST", headers: json, body: joinBody("Cy") });
    expect(contextHeaders.at(-1)!.get("x-forwarded-for")).toMatch(/127\.0\.0\.1$/);

    await fetch(joinUrl(), {
      method: "POST",
      body: joinBody("Dee"),
      headers: { ...json, "x-forwarded-for": "203.0.113.7" },
    });
    expect(contextHeaders.at(-1)!.get("x-forwarded-for")).toBe("203.0.113.7");
  });

  it("leave signed-in people's requests to Next, which can read their account", async () => {
    const cookie = "authjs.session-token=anything";
    const call = await fetch(joinUrl(), {
      method: "POST",
      body: joinBody("Eve"),
      headers: { ...json, cookie },
    });
    expect(call.status).toBe(418);
    const stream = await fetch(liveUrl(), { headers: { cookie } });
    expect(stream.status).toBe(418);
  });

  it("leave everything else to Next: other addresses, other methods, cross-site streams", async () => {
    expect((await fetch(`${baseUrl}/api/health`)).status).toBe(418);
    expect((await fetch(liveUrl("session.live"))).status).toBe(418);
    expect((await fetch(liveUrl(), { method: "POST" })).status).toBe(418);
    const crossSite = await fetch(liveUrl(), { headers: { "sec-fetch-site": "cross-site" } });
    expect(crossSite.status).toBe(418);
  });

  it("refuse a call from another site before any procedure runs", async () => {
    const before = contextHeaders.length;
    const response = await fetch(joinUrl(), {
      method: "POST",
      body: joinBody("Fay"),
      headers: { ...json, origin: "https://evil.example", "sec-fetch-site": "cross-site" },
    });
    expect(response.status).toBe(403);
    expect(contextHeaders.length).toBe(before);
  });

  it("refuse a body too big for any phone's call", async () => {
    const response = await fetch(joinUrl(), {
      method: "POST",
      headers: json,
      body: JSON.stringify({ json: { displayName: "x".repeat(300 * 1024) } }),
    });
    expect(response.status).toBe(413);
  });

  it("end a phone's stream when the phone leaves, and mark it offline", async () => {
    const join = await fetch(joinUrl(), { method: "POST", headers: json, body: joinBody("Gus") });
    const cookie = join.headers.getSetCookie()[0]!.split(";")[0]!;
    const leave = new AbortController();
    const stream = await fetch(liveUrl(), { headers: { cookie }, signal: leave.signal });
    const reader = stream.body!.getReader();
    await reader.read(); // connected
    const online = async () =>
      (await peopleOf(database.db, home.session.id)).find((person) => person.displayName === "Gus")
        ?.online;
    await vi.waitFor(async () => expect(await online()).toBe(true));
    leave.abort();
    await vi.waitFor(async () => expect(await online()).toBe(false), { timeout: 5_000 });
  });
});
