import "server-only";

import { eq } from "drizzle-orm";

import type { Database } from "~/db";
import { users } from "~/db/schema";

import { decoyPasswordHash, verifyPassword } from "../auth/password";
import {
  clearRateLimit,
  hitRateLimit,
  peekRateLimit,
  refundRateLimit,
  type RateLimitRule,
  type RateLimitState,
} from "../rate-limit";

/** After this many failed attempts for one email (or many more from one client) sign-in pauses. */
export const signInFailuresPerEmail: RateLimitRule = { limit: 5, windowSeconds: 15 * 60 };
export const signInFailuresPerClient: RateLimitRule = { limit: 30, windowSeconds: 15 * 60 };

export type SignInResult =
  | { ok: true; user: { id: string; email: string; name: string } }
  | { ok: false; reason: "invalid" }
  | { ok: false; reason: "rate_limited"; retryAfterSeconds: number };

const normalEmail = (email: string) => email.trim().toLowerCase();

function keysOf(input: { email: string; clientKey: string }) {
  return {
    emailKey: `sign-in-failure:email:${normalEmail(input.email)}`,
    clientKey: `sign-in-failure:client:${input.clientKey}`,
  };
}

/** Whether sign-in is paused for this email or client (without counting an attempt), and how long. */
export async function signInPause(
  db: Database,
  input: { email: string; clientKey: string },
): Promise<RateLimitState> {
  const { emailKey, clientKey } = keysOf(input);
  const [byEmail, byClient] = await Promise.all([
    peekRateLimit(db, emailKey, signInFailuresPerEmail),
    peekRateLimit(db, clientKey, signInFailuresPerClient),
  ]);
  const refused = [byEmail, byClient].filter((state) => !state.allowed);
  return {
    allowed: refused.length === 0,
    hits: Math.max(byEmail.hits, byClient.hits),
    retryAfterSeconds: Math.max(0, ...refused.map((state) => state.retryAfterSeconds)),
  };
}

/**
 * Checks an email and password. The answer never says which of the two was wrong, an unknown
 * email costs the same hash as a known one, and repeated failures pause further attempts.
 */
export async function checkPassword(
  db: Database,
  input: { email: string; password: string; clientKey: string },
): Promise<SignInResult> {
  const email = normalEmail(input.email);
  const { emailKey, clientKey } = keysOf(input);
  // Every attempt is counted before the password is checked, so parallel guesses can't all slip
  // in under the limit; a correct password gives its attempt back.
  const [byEmail, byClient] = await Promise.all([
    hitRateLimit(db, emailKey, signInFailuresPerEmail),
    hitRateLimit(db, clientKey, signInFailuresPerClient),
  ]);
  if (!byEmail.allowed || !byClient.allowed) {
    return {
      ok: false,
      reason: "rate_limited",
      retryAfterSeconds: Math.max(byEmail.retryAfterSeconds, byClient.retryAfterSeconds),
    };
  }

  const [user] = await db.select().from(users).where(eq(users.email, email));
  const hash = user?.passwordHash ?? (await decoyPasswordHash());
  const matches = await verifyPassword(input.password, hash);
  if (!user || !matches || !user.passwordHash || user.deactivatedAt) {
    return { ok: false, reason: "invalid" };
  }
  await Promise.all([clearRateLimit(db, emailKey), refundRateLimit(db, clientKey)]);
  return { ok: true, user: { id: user.id, email: user.email, name: user.name } };
}
