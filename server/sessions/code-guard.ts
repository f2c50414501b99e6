import "server-only";

import { eq } from "drizzle-orm";

import type { Database } from "~/db";
import { sessions } from "~/db/schema";

import { clientKeyFromHeaders } from "../http/client-key";
import {
  hitRateLimit,
  peekRateLimit,
  type RateLimitCharge,
  type RateLimitRule,
} from "../rate-limit";
import { normalizeJoinCode } from "./join-code";

type Session = typeof sessions.$inferSelect;

/**
 * Codes that lead nowhere (unknown, or a session that has ended) count against the client.
 * Guessing is hopeless at this rate: 887 million codes (join-code.ts) and a few dozen live
 * sessions give one address about one live code in 20 years of guessing; yet a room behind
 * one address can afford a couple of dozen mistyped codes in 10 minutes (codes that can't be
 * codes, like a 0 or a missing letter, are not counted at all).
 */
export const unknownCodeLimit: RateLimitRule = { limit: 20, windowSeconds: 10 * 60 };

export type GuardedCode =
  | { status: "malformed" }
  | { status: "unknown" }
  /** Said so that a person stops trying an old code; no title, since it is no longer theirs. */
  | { status: "ended" }
  | { status: "live"; session: Session }
  | { status: "rate_limited"; retryAfterSeconds: number };

function missKey(headers: Headers) {
  return `join-miss:${clientKeyFromHeaders(headers)}`;
}

/**
 * Where a typed code leads, for the look-up and for joining alike. A client past the limit
 * hears "slow down" for every code, the right one included, so guessing learns nothing more.
 * Misses are counted atomically, so no more than the limit are ever answered "unknown". A found
 * code reads the counter after the look-up, so that of a burst of parallel guesses only those
 * already looked up when the limit filled (a few, up to the database connections in use) can
 * still be answered "live". Counting every look-up first would close even that gap, but then a
 * room joining at once behind one address would count against itself. Codes that can't be
 * codes are answered without a look-up or a count: that says nothing a guesser didn't know.
 */
export async function sessionByGuardedCode(
  db: Database,
  headers: Headers,
  typed: string,
): Promise<GuardedCode> {
  const code = normalizeJoinCode(typed);
  if (!code) return { status: "malformed" };
  const [session] = await db.select().from(sessions).where(eq(sessions.joinCode, code));
  // The same work for an unknown and an ended code: one look-up, one counted miss.
  const counter =
    !session || session.endedAt
      ? await hitRateLimit(db, missKey(headers), unknownCodeLimit)
      : await peekRateLimit(db, missKey(headers), unknownCodeLimit);
  if (!counter.allowed)
    return { status: "rate_limited", retryAfterSeconds: counter.retryAfterSeconds };
  if (!session || session.endedAt) return { status: session ? "ended" : "unknown" };
  return { status: "live", session };
}

/**
 * Joins (new participants) from one address into one session. Keyed by session as well as by
 * address because a whole room often shares one address (school or office Wi-Fi, one NAT): the
 * cap lets a room of a few hundred join in a minute, while a script filling one session with
 * made-up people is slowed to the same pace. Operators of bigger rooms behind one address raise
 * it with RATE_LIMIT_JOINS_PER_MINUTE.
 */
export function joinCharge(
  headers: Headers,
  sessionId: string,
  joinsPerMinute: number,
): RateLimitCharge {
  return {
    key: `join:${sessionId}:${clientKeyFromHeaders(headers)}`,
    rule: { limit: joinsPerMinute, windowSeconds: 60 },
  };
}
