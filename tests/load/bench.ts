/**
 * `npm run bench`: a crowd of phones in one live session, measured end to end against the
 * production build on a real database. See docs/performance.md for what each figure means and
 * the figures measured on the reference machine.
 */
import { execFileSync } from "node:child_process";
import { randomBytes } from "node:crypto";
import { createServer } from "node:net";
import { monitorEventLoopDelay } from "node:perf_hooks";

import type { RoomSnapshot } from "~/server/sessions/snapshot";

import { startAppServer, type AppServer } from "../helpers/app-server";
import { ProcessSampler } from "./process-sampler";
import { pgliteDatabase, postgresDatabase, type BenchDatabase } from "./database";
import { arrangeSession } from "./facilitator";
import { parseOptions } from "./options";
import { Phone } from "./phone";
import { measurePhoneJs } from "./phone-js";
import { ErrorLog, inPool, percentile, round1, table, waitUntil } from "./stats";

const options = parseOptions(process.argv.slice(2), process.env);
const log = (message: string) => console.error(`[bench] ${message}`);

function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const server = createServer();
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

/** Lines the servers log for failures a client may never see (a feed that failed to load). */
const serverErrorLine = /^\[(trpc|realtime)\]/;

async function run() {
  if (options.build) {
    log("next build");
    // Build output goes to stderr: stdout ends with the JSON line.
    execFileSync("npm", ["run", "build"], { stdio: ["ignore", 2, 2] });
  }

  const database: BenchDatabase =
    options.db === "pglite" ? pgliteDatabase() : await postgresDatabase(options.databaseUrl);
  log(database.describe);
  const servers: AppServer[] = [];
  const phones: Phone[] = [];
  const errors = new ErrorLog();
  let presenterSubscription: { unsubscribe(): void } | undefined;
  let cleaned: Promise<void> | undefined;
  // Also on Ctrl-C: no app server or scratch database outlives the run.
  const cleanUp = () =>
    (cleaned ??= (async () => {
      presenterSubscription?.unsubscribe();
      for (const phone of phones) phone.close();
      await Promise.all(servers.map((server) => server.stop()));
      await database.destroy();
    })());
  for (const signal of ["SIGINT", "SIGTERM"] as const) {
    process.once(signal, () => void cleanUp().finally(() => process.exit(130)));
  }
  try {
    const env = {
      ...database.env,
      AUTH_SECRET: randomBytes(32).toString("base64url"),
      // Every simulated phone joins from localhost, which the join limit per session and
      // address (300 a minute) would take for one crowded room behind one Wi-Fi address.
      RATE_LIMIT_JOINS_PER_MINUTE: "1000000",
    };
    // One at a time: the first runs the migrations and the seed, the others find them done.
    for (let i = 0; i < options.instances; i++) {
      const port = options.port ? options.port + i : await freePort();
      servers.push(await startAppServer({ port, env, cpuProfDir: options.cpuProfDir }));
      log(`app server ${i + 1} of ${options.instances} at ${servers[i]!.url}`);
    }
    const sampler = new ProcessSampler(servers.map((server) => server.process.pid!));
    const commandServer = servers[0]!;
    // The big screen watches through another instance than the one the facilitator commands.
    const presenterServer = servers[servers.length - 1]!;
    const session = await arrangeSession(commandServer.url, presenterServer.url);

    let presenterRoom: RoomSnapshot | undefined;
    const turnoutSeen: { at: number; roundId: string; voted: number }[] = [];
    presenterSubscription = session.followAsPresenter({
      onData(room) {
        presenterRoom = room;
        const round = room.voting.round;
        if (round)
          turnoutSeen.push({ at: performance.now(), roundId: round.id, voted: round.voted });
      },
      onError: (error) => errors.add("presenter subscription error", error),
    });
    await waitUntil(() => presenterRoom !== undefined, 30_000, "the presenter's first snapshot");

    const loopDelay = monitorEventLoopDelay({ resolution: 10 });
    loopDelay.enable();
    const benchCpu = process.cpuUsage();
    sampler.start();

    // Join: every phone joins over HTTP, then holds its own live subscription.
    const n = options.participants;
    for (let i = 0; i < n; i++) {
      phones.push(new Phone(i, servers[i % servers.length]!.url, session.sessionId, errors));
    }
    log(`${n} phones joining, ${options.joinConcurrency} at a time`);
    const joinStarted = performance.now();
    await inPool(phones, options.joinConcurrency, async (phone) => {
      if (await phone.join(session.joinCode)) phone.follow();
    });
    const joined = phones.filter((phone) => phone.joinMs !== undefined);
    const joinSeconds = (performance.now() - joinStarted) / 1000;
    await waitUntil(
      () => joined.every((phone) => phone.connected),
      60_000 + n * 20,
      "every joined phone's first snapshot",
    );
    await waitUntil(
      () => (presenterRoom?.participantCount ?? 0) >= joined.length,
      30_000,
      "the presenter to show everyone joined",
    );
    log(`${joined.length} joined in ${joinSeconds.toFixed(1)} s, all following live`);

    // Vote: the facilitator opens a round. Each person takes a while to read the ballot and tap
    // their dots once their phone shows it, so ballots come spread over the vote window from
    // then on, the way a room answers "vote now" over a few seconds.
    await session.goToVote();
    const openedAt = performance.now();
    const { roundId } = await session.openRound();
    await waitUntil(
      () => presenterRoom?.voting.round?.id === roundId,
      30_000,
      "the presenter to show the round",
    );
    const practiceIds = presenterRoom!.voting.round!.practiceIds;
    const windowMs = options.voteWindowS * 1000;
    log(`round open; ${joined.length} ballots over ${options.voteWindowS} s`);
    const neverShown = new Promise<undefined>((resolve) => {
      setTimeout(resolve, 30_000);
    });
    await Promise.all(
      joined.map(async (phone) => {
        const shown = await Promise.race([phone.roundShown, neverShown]);
        if (shown?.id !== roundId) {
          errors.add("phone never saw the round open");
          return;
        }
        await new Promise((resolve) => setTimeout(resolve, Math.random() * windowMs));
        await phone.vote(roundId, practiceIds);
      }),
    );
    const acked = joined.filter((phone) => phone.ackedAt !== undefined);
    const votedOf = () =>
      presenterRoom?.voting.round?.id === roundId ? presenterRoom.voting.round.voted : 0;
    try {
      await waitUntil(() => votedOf() >= acked.length, 30_000, "the presenter's turnout");
    } catch (error) {
      errors.add("presenter turnout never reached the acknowledged ballots", error);
    }

    // Turnout: the k-th acknowledged ballot is on the big screen once the presenter has been
    // shown, after its acknowledgement, a turnout of at least k.
    const seen = turnoutSeen.filter((update) => update.roundId === roundId);
    const byAck = [...acked].sort((a, b) => a.ackedAt! - b.ackedAt!);
    const turnoutMs: number[] = [];
    byAck.forEach((phone, k) => {
      const shown = seen.find((update) => update.at >= phone.ackedAt! && update.voted >= k + 1);
      if (shown) turnoutMs.push(shown.at - phone.ackedAt!);
    });

    // Reveal: from the facilitator's click until the last phone shows the results.
    log("revealing");
    const revealStarted = performance.now();
    await session.reveal(roundId);
    try {
      await waitUntil(
        () => joined.every((phone) => phone.resultsAt !== undefined),
        30_000,
        "results",
      );
    } catch (error) {
      const missing = joined.filter((phone) => phone.resultsAt === undefined).length;
      errors.add(`${missing} phones never showed the results`, error);
    }
    // A phone that never showed the results counts until the bench stopped waiting for it.
    const revealEnded = performance.now();
    const revealAllMs = Math.max(
      0,
      ...joined.map((p) => (p.resultsAt ?? revealEnded) - revealStarted),
    );
    await waitUntil(() => presenterRoom?.voting.results?.roundId === roundId, 10_000, "results");

    // Lost: acknowledged ballots that the final tally does not count, checked mark by mark.
    const results = presenterRoom!.voting.results!;
    const lost = Math.max(0, acked.length - results.ballots);
    const expected = new Map<string, number>();
    for (const phone of acked) {
      for (const mark of phone.marks!) {
        expected.set(mark.practiceId, (expected.get(mark.practiceId) ?? 0) + mark.points);
      }
    }
    for (const row of results.rows) {
      const score = "score" in row ? row.score : row.ratings;
      if (score !== (expected.get(row.practiceId) ?? 0)) {
        errors.add(
          `tally of ${row.practiceId}: ${score}, acknowledged ballots gave ${expected.get(row.practiceId) ?? 0}`,
        );
      }
    }

    const usage = sampler.stop();
    loopDelay.disable();
    const benchCpuS = (({ user, system }) => (user + system) / 1e6)(process.cpuUsage(benchCpu));

    const phoneJs = options.phoneJs
      ? await measurePhoneJs(commandServer.url, session.joinCode, joined[0]!.jar).catch((error) => {
          errors.add("phone JavaScript measurement failed", error);
          return { kb: 0, scripts: 0 };
        })
      : undefined;

    for (const server of servers) {
      for (const line of server.errorLines.filter((l) => serverErrorLine.test(l))) {
        errors.add("server logged", line);
      }
    }

    const joinMs = joined.map((phone) => phone.joinMs!);
    const voteMs = acked.map((phone) => phone.voteMs!);
    const roundSeenMs = joined.flatMap((p) => (p.roundSeen ? [p.roundSeen.at - openedAt] : []));
    const figures = {
      participants: n,
      instances: options.instances,
      db: options.db,
      join_p50_ms: round1(percentile(joinMs, 50)),
      join_p95_ms: round1(percentile(joinMs, 95)),
      vote_p50_ms: round1(percentile(voteMs, 50)),
      vote_p95_ms: round1(percentile(voteMs, 95)),
      vote_p99_ms: round1(percentile(voteMs, 99)),
      turnout_p95_ms: round1(percentile(turnoutMs, 95)),
      reveal_all_ms: round1(revealAllMs),
      errors: errors.count,
      lost,
      server_rss_mb: round1(usage.peakRssMb),
      server_cpu_s: round1(usage.cpuSeconds),
      phone_js_kb: phoneJs ? round1(phoneJs.kb) : null,
    };

    console.log(
      table([
        ["phones", `${n} on ${options.instances} instance(s), ${options.db}`],
        [
          "joined",
          `${joined.length} in ${joinSeconds.toFixed(1)} s (${options.joinConcurrency} at a time)`,
        ],
        ["join p50 / p95", `${figures.join_p50_ms} / ${figures.join_p95_ms} ms`],
        [
          "round seen p50 / p95",
          `${round1(percentile(roundSeenMs, 50))} / ${round1(percentile(roundSeenMs, 95))} ms after opening`,
        ],
        ["ballots acknowledged", `${acked.length} over ${options.voteWindowS} s`],
        [
          "vote p50 / p95 / p99",
          `${figures.vote_p50_ms} / ${figures.vote_p95_ms} / ${figures.vote_p99_ms} ms`,
        ],
        [
          "turnout p50 / p95",
          `${round1(percentile(turnoutMs, 50))} / ${figures.turnout_p95_ms} ms`,
        ],
        ["reveal to last phone", `${figures.reveal_all_ms} ms`],
        ["tally", `${results.ballots} ballots counted, ${lost} lost`],
        ["errors", `${errors.count}`],
        ["server peak RSS", `${figures.server_rss_mb} MB (all app processes)`],
        ["server CPU", `${figures.server_cpu_s} s (join to reveal)`],
        [
          "phone JavaScript",
          phoneJs ? `${figures.phone_js_kb} KB in ${phoneJs.scripts} scripts` : "not measured",
        ],
        [
          "phones' own process",
          `${round1(benchCpuS)} s CPU, event-loop delay p99 ${round1(loopDelay.percentile(99) / 1e6)} ms`,
        ],
      ]),
    );
    for (const line of errors.summary().slice(0, 20)) console.log(`  ! ${line}`);
    console.log(JSON.stringify(figures));
    return errors.count === 0 && lost === 0;
  } finally {
    await cleanUp();
  }
}

run().then(
  (ok) => process.exit(ok ? 0 : 1),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
