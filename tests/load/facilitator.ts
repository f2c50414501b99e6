import { randomBytes } from "node:crypto";

import type { RoomSnapshot } from "~/server/sessions/snapshot";

import { technicalLeadershipSlug } from "../../db/seed/technical-leadership";
import { CookieJar, createHttpClient } from "../helpers/http-client";

const admin = {
  name: "Bench Admin",
  email: "bench-admin@example.test",
  password: randomBytes(18).toString("base64url"),
};

/** Signs in through next-auth's credentials endpoint, as the sign-in form does. */
async function signIn(baseUrl: string, jar: CookieJar) {
  const csrf = (await (await jar.fetch(`${baseUrl}/api/auth/csrf`)).json()) as {
    csrfToken: string;
  };
  const response = await jar.fetch(`${baseUrl}/api/auth/callback/credentials`, {
    method: "POST",
    redirect: "manual",
    headers: { "content-type": "application/x-www-form-urlencoded" },
    body: new URLSearchParams({
      csrfToken: csrf.csrfToken,
      email: admin.email,
      password: admin.password,
      callbackUrl: `${baseUrl}/`,
    }),
  });
  if (!jar.header().includes("session-token")) {
    throw new Error(`Sign-in failed (${response.status} ${response.headers.get("location")})`);
  }
}

/**
 * The facilitator's side over HTTP with one signed-in cookie jar: sets up the first admin on the
 * fresh install, creates a team and a session of the seeded workshop, and runs the vote. Its
 * commands go to `commandUrl`; the big screen follows the session from `presenterUrl`.
 */
export async function arrangeSession(commandUrl: string, presenterUrl: string) {
  const jar = new CookieJar();
  const { client } = createHttpClient(commandUrl, jar);
  await client.setup.createAdmin.mutate(admin);
  await signIn(commandUrl, jar);
  const team = await client.team.create.mutate({ name: `Bench ${Date.now().toString(36)}` });
  const essays = await client.content.list.query();
  const essay = essays.find((e) => e.slug === technicalLeadershipSlug);
  if (!essay) throw new Error("The seeded workshop is missing");
  const session = await client.session.create.mutate({
    teamId: team.id,
    essayId: essay.id,
    title: "Bench session",
    settings: {},
  });
  const sessionId = session.id;
  const presenter = createHttpClient(presenterUrl, jar).client;

  return {
    sessionId,
    joinCode: session.joinCode,
    /** The cookie jar of the signed-in facilitator (the presenter's browser holds the same). */
    jar,
    goToVote: () =>
      client.session.stage.mutate({ sessionId, command: { type: "goto", stage: "vote" } }),
    openRound: () =>
      client.voting.open.mutate({ sessionId, method: "dots", dots: 3, maxDotsPerPractice: 2 }),
    reveal: (roundId: string) => client.voting.reveal.mutate({ sessionId, roundId }),
    /** The big screen's live subscription (`session.presenterLive`). */
    followAsPresenter(handlers: {
      onData: (snapshot: RoomSnapshot) => void;
      onError: (error: unknown) => void;
    }) {
      return presenter.session.presenterLive.subscribe(
        { sessionId, lastEventId: null },
        { onData: (update) => handlers.onData(update.data), onError: handlers.onError },
      );
    },
  };
}

export type ArrangedSession = Awaited<ReturnType<typeof arrangeSession>>;
