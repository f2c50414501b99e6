import type { Page } from "@playwright/test";

import { startAppServer } from "../helpers/app-server";
import { recordOutcome } from "./ledger";
import {
  expect,
  expectedTally,
  facilitate,
  installOn,
  joinPhone,
  ports,
  practices,
  resultRow,
  storedRound,
  test,
  voteWithDots,
} from "./support";

const ballots = {
  Ana: [practices.reviews, practices.reviews, practices.errors],
  Ben: [practices.reviews, practices.coaching, practices.coaching],
  Cyd: [practices.errors, practices.errors],
  Dee: [practices.reviews, practices.reviews, practices.resilient],
};

test("the app server killed (SIGKILL) mid-vote: every acknowledged ballot counts and the phones carry on by themselves", async ({
  browser,
  cluster,
}) => {
  const env = await installOn(cluster, "kill");
  let server = await startAppServer({ port: ports.kill, env });
  const phones: Page[] = [];
  try {
    const room = await facilitate(server.url);
    const names = Object.keys(ballots) as (keyof typeof ballots)[];
    for (const name of names)
      phones.push(await joinPhone(browser, server.url, room.joinCode, name));
    await room.goToVote();
    const { roundId } = await room.openRound();

    // Two phones vote and see it acknowledged; the other two have not voted yet.
    await voteWithDots(phones[0]!, ballots.Ana);
    await voteWithDots(phones[1]!, ballots.Ben);
    const acknowledgedBefore = 2;

    await server.kill();
    // Every phone notices that its live stream dropped, and says so.
    for (const phone of phones) {
      await expect(phone.getByText("Reconnecting…")).toBeVisible();
    }

    server = await startAppServer({ port: ports.kill, env });
    const afterRestart = await storedRound(env.DATABASE_URL, roundId);
    expect(afterRestart.ballots).toBe(acknowledgedBefore);

    // Without a reload, the streams come back; the voted phones still show their ballot.
    for (const phone of phones) {
      await expect(phone.getByText("Reconnecting…")).toBeHidden({ timeout: 30_000 });
    }
    for (const phone of phones.slice(0, 2)) {
      await expect(phone.getByText("Your vote is in.")).toBeVisible();
    }
    // The remaining phones vote on the restarted server.
    await voteWithDots(phones[2]!, ballots.Cyd);
    await voteWithDots(phones[3]!, ballots.Dee);
    // A voted phone opened afresh gets its ballot back from the server, not from its memory.
    await phones[0]!.reload();
    await expect(phones[0]!.getByText("Your vote is in.")).toBeVisible();

    await room.reveal(roundId);
    const tally = expectedTally(Object.values(ballots));
    for (const phone of phones) {
      await expect(phone.getByRole("heading", { name: /Results of round 1/ })).toBeVisible();
      await expect(resultRow(phone, practices.reviews)).toContainText(
        `${tally[practices.reviews]} dots`,
      );
    }
    const final = await storedRound(env.DATABASE_URL, roundId);
    expect(final).toEqual({ ballots: names.length, tally });
    recordOutcome({
      fault: "app server SIGKILL mid-vote",
      acknowledgedBefore,
      foundAfter: afterRestart.ballots,
      acknowledged: names.length,
      tallied: final.ballots,
    });
  } finally {
    for (const phone of phones) await phone.context().close();
    await server.stop();
  }
});
