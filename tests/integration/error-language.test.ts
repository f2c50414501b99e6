import { randomUUID } from "node:crypto";

import { createTRPCClient, httpLink, TRPCClientError } from "@trpc/client";
import { fetchRequestHandler } from "@trpc/server/adapters/fetch";
import superjson from "superjson";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { appRouter, type AppRouter } from "~/server/api/root";
import type { CurrentUser } from "~/server/auth/current-user";
import { clientKeyFromHeaders } from "~/server/http/client-key";
import { requestLocale } from "~/server/i18n/server-text";
import { hitRateLimit } from "~/server/rate-limit";
import { createInProcessBus } from "~/server/realtime/in-process-bus";
import { unknownCodeLimit } from "~/server/sessions/code-guard";

import { createUser, testContext } from "../helpers/callers";
import { createTestDatabase, type TestDatabase } from "../helpers/database";
import { createTeamWithSession, type TeamWithSession } from "../helpers/fixtures";
import { joinSession, pinnedPractices } from "../helpers/voting";

/*
 * Refusals reach people in their language: the tRPC HTTP handler, with the context's language
 * read from the request as the app's context does (the practica_locale cookie, else
 * Accept-Language), formats each error's message (and zod's field errors) in Spanish for a
 * Spanish caller and leaves English byte for byte as it was.
 */

let database: TestDatabase;
let home: TeamWithSession;
const bus = createInProcessBus();
const users = new Map<string, CurrentUser>();

beforeAll(async () => {
  database = await createTestDatabase();
  home = await createTeamWithSession(database.db, "words");
  for (const user of [home.facilitator, home.member]) users.set(user.id, user);
});
afterAll(() => database.destroy());

/** The app's tRPC route, minus the database and account lookups (the test names the caller). */
function handle(request: Request) {
  return fetchRequestHandler({
    endpoint: "/api/trpc",
    req: request,
    router: appRouter,
    createContext: ({ resHeaders }) => ({
      ...testContext(database.db, users.get(request.headers.get("x-test-user") ?? "") ?? null, {
        bus,
      }),
      headers: request.headers,
      responseHeaders: resHeaders,
      locale: requestLocale(request.headers),
    }),
  });
}

interface Caller {
  user?: CurrentUser;
  language?: string;
  cookie?: string;
  address?: string;
}

/** A real tRPC client whose requests go to the handler, with the caller's headers. */
function client(caller: Caller = {}) {
  const headers: Record<string, string> = {};
  if (caller.user) headers["x-test-user"] = caller.user.id;
  if (caller.language) headers["accept-language"] = caller.language;
  if (caller.cookie) headers.cookie = caller.cookie;
  if (caller.address) headers["x-forwarded-for"] = caller.address;
  return createTRPCClient<AppRouter>({
    links: [
      httpLink({
        url: "http://localhost:3000/api/trpc",
        transformer: superjson,
        headers: () => headers,
        fetch: (input, init) => handle(new Request(input, init)),
      }),
    ],
  });
}

async function refusal(call: Promise<unknown>) {
  try {
    await call;
  } catch (error) {
    if (error instanceof TRPCClientError) {
      const data = (error as TRPCClientError<AppRouter>).data;
      return { code: data?.code, message: error.message, zodError: data?.zodError ?? null };
    }
    throw error;
  }
  throw new Error("expected a refusal");
}

describe("refusals in the caller's language", () => {
  it("asks a signed-out caller to sign in, in Spanish when the browser prefers it", async () => {
    expect(await refusal(client().team.list.query())).toMatchObject({
      code: "UNAUTHORIZED",
      message: "Sign in to continue.",
    });
    expect(await refusal(client({ language: "es-ES,es;q=0.9" }).team.list.query())).toMatchObject({
      code: "UNAUTHORIZED",
      message: "Inicia sesión para continuar.",
    });
  });

  it("follows the remembered choice over the browser's languages", async () => {
    const spanish = client({ language: "en-US", cookie: "practica_locale=es" });
    expect((await refusal(spanish.team.list.query())).message).toBe(
      "Inicia sesión para continuar.",
    );
    const english = client({ language: "es", cookie: "practica_locale=en" });
    expect((await refusal(english.team.list.query())).message).toBe("Sign in to continue.");
  });

  it("says how long to wait when rate limited", async () => {
    const address = "203.0.113.77";
    const key = `join-miss:${clientKeyFromHeaders(new Headers({ "x-forwarded-for": address }))}`;
    for (let i = 0; i < unknownCodeLimit.limit; i++) {
      await hitRateLimit(database.db, key, unknownCodeLimit);
    }
    const join = (language?: string) =>
      client({ address, language }).participant.join.mutate({
        code: "ZZZ-ZZZ",
        displayName: "Ana",
        joinKey: randomUUID(),
      });
    const english = await refusal(join());
    expect(english.code).toBe("TOO_MANY_REQUESTS");
    expect(english.message).toMatch(/^Too many tries — wait \d+ minutes and try again\.$/);
    const spanish = await refusal(join("es"));
    expect(spanish.code).toBe("TOO_MANY_REQUESTS");
    expect(spanish.message).toMatch(
      /^Demasiados intentos: espera \d+ minutos y vuelve a intentarlo\.$/,
    );
  });

  it("states the session's rules, with their numbers", async () => {
    const facilitator = { user: home.facilitator };
    const back = (language?: string) =>
      client({ ...facilitator, language }).session.stage.mutate({
        sessionId: home.session.id,
        command: { type: "back" },
      });
    expect(await refusal(back())).toMatchObject({
      code: "CONFLICT",
      message: "The lobby is the first stage.",
    });
    expect(await refusal(back("es"))).toMatchObject({
      code: "CONFLICT",
      message: "La sala de espera es la primera etapa.",
    });

    await client(facilitator).session.stage.mutate({
      sessionId: home.session.id,
      command: { type: "goto", stage: "vote" },
    });
    const { roundId } = await client(facilitator).voting.open.mutate({
      sessionId: home.session.id,
      method: "dots",
      dots: 3,
      maxDotsPerPractice: 3,
      practiceIds: null,
    });
    const guest = await joinSession(database.db, bus, "Ana", home.session.joinCode);
    const [first, second] = await pinnedPractices(database.db, home.session.essayVersionId);
    const overspend = (language?: string) =>
      client({ cookie: guest.cookie, language }).voting.cast.mutate({
        sessionId: home.session.id,
        roundId,
        submissionId: randomUUID(),
        marks: [
          { practiceId: first!, points: 2, importance: null },
          { practiceId: second!, points: 2, importance: null },
        ],
      });
    expect((await refusal(overspend())).message).toBe("You have 3 dots; this ballot spends 4.");
    expect((await refusal(overspend("es"))).message).toBe("Tienes 3 puntos; este voto usa 4.");
  });

  it("names the fields of a refused input, field errors included", async () => {
    const create = (language?: string) =>
      client({ user: home.facilitator, language }).team.create.mutate({ name: "   " });
    const english = await refusal(create());
    expect(english).toMatchObject({ code: "BAD_REQUEST", message: "name: Name the team." });
    expect(english.zodError?.fieldErrors).toEqual({ name: ["Name the team."] });
    const spanish = await refusal(create("es"));
    expect(spanish).toMatchObject({
      code: "BAD_REQUEST",
      message: "name: Ponle nombre al equipo.",
    });
    expect(spanish.zodError?.fieldErrors).toEqual({ name: ["Ponle nombre al equipo."] });
  });

  it("says an admin refusal with its names in Spanish", async () => {
    const admin = await createUser(database.db, "admin", "words-admin");
    users.set(admin.id, admin);
    const create = (language?: string) =>
      client({ user: admin, language }).adminUsers.create.mutate({
        name: "Twin",
        email: home.member.email,
        role: "member",
        password: "long enough password",
      });
    expect((await refusal(create())).message).toBe(
      `An account with ${home.member.email} already exists.`,
    );
    expect((await refusal(create("es"))).message).toBe(
      `Ya existe una cuenta con ${home.member.email}.`,
    );
  });
});
