import { randomBytes } from "node:crypto";
import { readFileSync } from "node:fs";

import { startAppServer } from "../helpers/app-server";
import { createHttpClient } from "../helpers/http-client";
import { postgresDatabase } from "./database";
import { arrangeSession } from "./facilitator";

/*
 * What one request costs the app server in CPU time, by kind: `npm run bench:requests` (after a
 * build). It tells the server's own cost per join or ballot from the floor every request pays
 * (Next's routing and request objects, tRPC's HTTP layer), which the crowd bench can't separate.
 * Run it on a quiet machine: CPU time is steadier than latency, not immune to a busy machine.
 */

const requests = 400;
const concurrency = 20;

/** The server process's CPU seconds so far (user + system, from /proc). */
function cpuSeconds(pid: number) {
  const fields = readFileSync(`/proc/${pid}/stat`, "utf8").split(") ")[1]!.split(" ");
  return (Number(fields[11]) + Number(fields[12])) / 100;
}

async function inWaves<T>(items: T[], send: (item: T, index: number) => Promise<unknown>) {
  for (let i = 0; i < items.length; i += concurrency) {
    await Promise.all(items.slice(i, i + concurrency).map((item, j) => send(item, i + j)));
  }
}

const database = await postgresDatabase(process.env.DATABASE_URL);
const server = await startAppServer({
  port: 3777,
  env: {
    ...database.env,
    AUTH_SECRET: randomBytes(32).toString("base64url"),
    RATE_LIMIT_JOINS_PER_MINUTE: "1000000",
  },
});
const pid = server.process.pid!;
const costs: [string, number][] = [];
async function measure(kind: string, run: () => Promise<void>) {
  const before = cpuSeconds(pid);
  await run();
  costs.push([kind, ((cpuSeconds(pid) - before) * 1000) / requests]);
}

try {
  const session = await arrangeSession(server.url, server.url);
  const phones = Array.from({ length: requests }, () => createHttpClient(server.url).client);
  const key = () => randomBytes(12).toString("base64url");
  await measure("participant.join", () =>
    inWaves(phones, (phone, i) =>
      phone.participant.join.mutate({
        code: session.joinCode,
        displayName: `P${i}`,
        joinKey: key(),
      }),
    ),
  );
  await session.goToVote();
  const { roundId } = await session.openRound();
  // The round's practices, as a phone's stream shows them.
  const practiceIds = await new Promise<readonly string[]>((resolve, reject) => {
    const stream = phones[0]!.participant.live.subscribe(
      { sessionId: session.sessionId, lastEventId: null },
      {
        onData: ({ data }) => {
          if (!data.voting.round) return;
          stream.unsubscribe();
          resolve(data.voting.round.practiceIds);
        },
        onError: reject,
      },
    );
  });
  await measure("voting.cast", () =>
    inWaves(phones, (phone, i) =>
      phone.voting.cast.mutate({
        sessionId: session.sessionId,
        roundId,
        submissionId: key(),
        marks: [{ practiceId: practiceIds[i % practiceIds.length]!, points: 2, importance: null }],
      }),
    ),
  );
  await measure("GET /api/health (one database ping)", () =>
    inWaves(phones, () => fetch(`${server.url}/api/health`)),
  );
  await measure("POST /api/trpc/nothing (404 from tRPC)", () =>
    inWaves(phones, () => fetch(`${server.url}/api/trpc/nothing`, { method: "POST" })),
  );
  console.log(`server CPU per request (${requests} requests, ${concurrency} at a time):`);
  for (const [kind, ms] of costs) console.log(`  ${kind.padEnd(40)} ${ms.toFixed(2)} ms`);
} finally {
  await server.stop();
  await database.destroy();
}
