import "server-only";

import { sql } from "drizzle-orm";

import type { Database } from "~/db";

type Transaction = Parameters<Parameters<Database["transaction"]>[0]>[0];

// Advisory locks, not row locks: a row's share locks let new sharers jump ahead of a waiting
// close, so a steady stream of ballots could hold a close back. Advisory locks queue fairly —
// once a close waits, ballots that arrive after it wait behind it and then see the round closed.
const roundKey = (roundId: string) => sql`hashtextextended(${roundId}, 0)`;

/** Held by a ballot being cast until its transaction ends; many ballots hold it at once. */
export async function lockRoundForBallot(tx: Transaction, roundId: string) {
  await tx.execute(sql`select pg_advisory_xact_lock_shared(${roundKey(roundId)})`);
}

/** Held by a close or reveal until its transaction ends: waits for ballots in flight. */
export async function lockRoundForClosing(tx: Transaction, roundId: string) {
  await tx.execute(sql`select pg_advisory_xact_lock(${roundKey(roundId)})`);
}
