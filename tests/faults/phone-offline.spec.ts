import type { Page } from "@playwright/test";

import { startAppServer } from "../helpers/app-server";
import { recordOutcome } from "./ledger";
import { openNetworkTunnel } from "./network-tunnel";
import {
  expect,
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

const offlineMs = 60_000;

test("a phone offline for a minute catches up by itself when it comes back", async ({
  browser,
  cluster,
}) => {
  const env = await installOn(cluster, "offline");
  const server = await startAppServer({ port: ports.offline, env });
  // Gus's phone reaches the server through a relay that can drop the network; Hal's directly.
  const tunnel = await openNetworkTunnel(ports.tunnel, server.url);
  const phones: Page[] = [];
  try {
    const room = await facilitate(server.url);
    phones.push(await joinPhone(browser, tunnel.url, room.joinCode, "Gus"));
    phones.push(await joinPhone(browser, server.url, room.joinCode, "Hal"));
    const [gus, hal] = phones as [Page, Page];

    // Gus goes into a tunnel; meanwhile the room reads, then votes, and Hal votes.
    tunnel.cut();
    await gus.context().setOffline(true);
    const wentOffline = Date.now();
    await room.goTo("read");
    await expect(hal.getByRole("heading", { level: 1, name: "Read" })).toBeVisible();
    await room.goToVote();
    const { roundId } = await room.openRound();
    await voteWithDots(hal, [practices.reviews, practices.reviews, practices.errors]);
    // Gus's screen is still where the tunnel began, and says it is trying to reconnect.
    await expect(gus.getByRole("heading", { name: "You're in, Gus" })).toBeVisible();
    await expect(gus.getByText("Reconnecting…")).toBeVisible({ timeout: offlineMs });
    await gus.waitForTimeout(Math.max(0, wentOffline + offlineMs - Date.now()));

    // Back online, without a reload: the open round shows up and Gus votes.
    tunnel.restore();
    await gus.context().setOffline(false);
    await expect(gus.getByRole("heading", { level: 1, name: "Vote" })).toBeVisible({
      timeout: 40_000,
    });
    await expect(gus.getByText("Reconnecting…")).toBeHidden();
    const afterReturn = await storedRound(env.DATABASE_URL, roundId);
    expect(afterReturn.ballots).toBe(1);
    await voteWithDots(gus, [practices.reviews, practices.coaching]);

    await room.reveal(roundId);
    for (const phone of phones) {
      await expect(resultRow(phone, practices.reviews)).toContainText("3 dots");
    }
    const final = await storedRound(env.DATABASE_URL, roundId);
    expect(final).toEqual({
      ballots: 2,
      tally: { [practices.reviews]: 3, [practices.errors]: 1, [practices.coaching]: 1 },
    });
    recordOutcome({
      fault: "a phone offline for a minute",
      // Hal's ballot was acknowledged while Gus was away.
      acknowledgedBefore: 1,
      foundAfter: afterReturn.ballots,
      acknowledged: 2,
      tallied: final.ballots,
    });
  } finally {
    for (const phone of phones) await phone.context().close();
    await tunnel.close();
    await server.stop();
  }
});
