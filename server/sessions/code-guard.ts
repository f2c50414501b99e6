import "server-only";

import type { Database } from "~/db";

import { clientKeyFromHeaders } from "../http/client-key";
import { hitRateLimit, peekRateLimit, type RateLimitState } from "../rate-limit";

/**
 * Codes that lead nowhere count against the client: a room of phones behind one address joins
 * freely, but guessing stops after a few misses (with 31^6 codes, guessing is hopeless then).
 */
export const unknownCodeLimit = { limit: 20, windowSeconds: 10 * 60 };

function keyOf(headers: Headers) {
  return `join-miss:${clientKeyFromHeaders(headers)}`;
}

export function checkCodeGuessing(db: Database, headers: Headers): Promise<RateLimitState> {
  return peekRateLimit(db, keyOf(headers), unknownCodeLimit);
}

export async function countUnknownCode(db: Database, headers: Headers) {
  await hitRateLimit(db, keyOf(headers), unknownCodeLimit);
}
