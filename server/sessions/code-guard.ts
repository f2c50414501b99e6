import "server-only";

import type { Database } from "~/db";

import { clientKeyFromHeaders } from "../http/client-key";
import { hitRateLimit, peekRateLimit, type RateLimitState } from "../rate-limit";

/**
 * Codes that lead nowhere count against the client: a room of phones behind one address joins
 * freely, but guessing stops after a few misses. A miss is counted atomically and the answer
 * to a miss past the limit is "slow down", never "unknown", so parallel guesses learn nothing.
 */
export const unknownCodeLimit = { limit: 20, windowSeconds: 10 * 60 };

function keyOf(headers: Headers) {
  return `join-miss:${clientKeyFromHeaders(headers)}`;
}

export function checkCodeGuessing(db: Database, headers: Headers): Promise<RateLimitState> {
  return peekRateLimit(db, keyOf(headers), unknownCodeLimit);
}

/** Counts a miss; the state says whether the client was still within the limit. */
export function countUnknownCode(db: Database, headers: Headers): Promise<RateLimitState> {
  return hitRateLimit(db, keyOf(headers), unknownCodeLimit);
}
