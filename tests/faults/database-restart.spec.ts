import type { Page } from "@playwright/test";

import { startAppServer, type AppServer } from "../helpers/app-server";
import { recordOutcome } from "./ledger";
import { openNetworkTunnel, type NetworkTunnel } from "./network-tunnel";
import {
  expect,
  facilitate,
  healthStatus,
  installOn,
  joinPhone,
  ports,
  practices,
  resultRow,
  storedRound,
  test,
  voteWithDots,
} from "./support";

const outageMs = 15_000;

test("PostgreSQL restarted mid-session: health says 503 while it is down, then the app and its LISTEN bus recover by themselves", async ({
  browser,
  cluster,
}) => {
  const env = await installOn(cluster, "restart");
  // Phones on instance A, the facilitator on instance B: changes reach the phones only through
  // the database's LISTEN/NOTIFY bus.
  const servers: AppServer[] = [];
  const phones: Page[] = [];
  let tunnel: NetworkTunnel | undefined;
  try {
    const a = await startAppServer({ port: ports.busA, env });
    servers.push(a);
    const b = await startAppServer({ port: ports.busB, env });
    servers.push(b);
    const room = await facilitate(b.url);
    // Fay's phone goes through a relay that can drop its connections.
    tunnel = await openNetworkTunnel(ports.tunnel, a.url);
    phones.push(await joinPhone(browser, a.url, room.joinCode, "Eve"));
    phones.push(await joinPhone(browser, tunnel.url, room.joinCode, "Fay"));
    const [eve, fay] = phones as [Page, Page];
    await room.goToVote();
    const { roundId } = await room.openRound();
    await voteWithDots(eve, [practices.coaching, practices.coaching, practices.errors]);
    const acknowledgedBefore = 1;

    cluster.stop();
    const stoppedAt = Date.now();
    for (const server of servers) {
      await expect.poll(() => healthStatus(server.url)).toBe(503);
    }
    // A ballot sent while the database is down is refused, and the phone says so.
    await fay.getByRole("button", { name: `Put a dot on ${practices.resilient}` }).click();
    await fay.getByRole("button", { name: "Send my vote" }).click();
    await expect(fay.getByText("Your vote was not sent")).toBeVisible();
    // Fay's phone changes networks meanwhile: its live stream reconnects to a server that
    // can't reach its database, and must still come back by itself.
    tunnel.dropConnections();
    await expect(fay.getByText("Reconnecting…")).toBeVisible();

    // Down long enough for the drivers' reconnect attempts to back off several times over.
    await fay.waitForTimeout(Math.max(0, stoppedAt + outageMs - Date.now()));
    cluster.start();
    for (const server of servers) {
      await expect.poll(() => healthStatus(server.url), { timeout: 30_000 }).toBe(200);
    }
    const afterRestart = await storedRound(env.DATABASE_URL, roundId);
    expect(afterRestart.ballots).toBe(acknowledgedBefore);

    // The refused ballot goes through once the database is back.
    await fay.getByRole("button", { name: "Try again" }).click();
    await expect(fay.getByText("Your vote is in.")).toBeVisible();

    // Stage changes made on B reach the phones on A: the bus listens again.
    await room.reveal(roundId);
    for (const phone of phones) {
      await expect(phone.getByRole("heading", { name: /Results of round 1/ })).toBeVisible();
      await expect(resultRow(phone, practices.coaching)).toContainText("2 dots");
    }
    await room.goTo("wrapup");
    for (const phone of phones) {
      await expect(phone.getByRole("heading", { level: 1, name: "Wrap-up" })).toBeVisible();
      await expect(phone.getByText("Reconnecting…")).toBeHidden();
    }

    const final = await storedRound(env.DATABASE_URL, roundId);
    expect(final).toEqual({
      ballots: 2,
      tally: { [practices.coaching]: 2, [practices.errors]: 1, [practices.resilient]: 1 },
    });
    recordOutcome({
      fault: "PostgreSQL restart mid-session (2 instances)",
      acknowledgedBefore,
      foundAfter: afterRestart.ballots,
      acknowledged: 2,
      tallied: final.ballots,
    });
  } finally {
    for (const phone of phones) await phone.context().close();
    await tunnel?.close();
    for (const server of servers) await server.stop();
  }
});
