import "server-only";

import { and, eq, gt, lte, sql } from "drizzle-orm";

import type { Database } from "~/db";
import { rateLimits } from "~/db/schema";

import { createBatchQueues, type Settled } from "./batch-queue";
import type { Locale } from "./i18n/locales";
import { renderServerText, type ServerText } from "./i18n/server-text";

export interface RateLimitRule {
  /** Hits allowed per window. */
  limit: number;
  windowSeconds: number;
}

export interface RateLimitState {
  allowed: boolean;
  hits: number;
  retryAfterSeconds: number;
}

/** A counter to spend one hit on: whose it is (the key) and how much it allows. */
export interface RateLimitCharge {
  key: string;
  rule: RateLimitRule;
}

/** Limits an operator may tune through the environment (server/env.ts). */
export interface RateLimitSettings {
  /** Joins one client address may make into one session per minute. */
  joinsPerMinute: number;
}

export const defaultRateLimitSettings: RateLimitSettings = { joinsPerMinute: 300 };

/** What a person reads when refused: how long to wait, in seconds or (from 90 s) minutes. */
export function tooManyTriesText(retryAfterSeconds: number): ServerText {
  return retryAfterSeconds < 90
    ? { key: "tooManyTries.seconds", values: { seconds: retryAfterSeconds } }
    : { key: "tooManyTries.minutes", values: { minutes: Math.ceil(retryAfterSeconds / 60) } };
}

/** "Too many tries — wait 30 seconds and try again.", in the given language (English by default). */
export function tooManyTriesMessage(retryAfterSeconds: number, locale?: Locale) {
  return renderServerText(tooManyTriesText(retryAfterSeconds), locale);
}

function secondsUntil(date: Date) {
  return Math.max(1, Math.ceil((date.getTime() - Date.now()) / 1000));
}

/**
 * Counts one hit against `key` in a fixed window with an atomic upsert, so concurrent hits from
 * several app instances are all counted (the counters live in Postgres). Every phone request of a
 * crowd spends a hit, so hits that arrive together share one statement (see writeHits).
 */
export function hitRateLimit(
  db: Database,
  key: string,
  rule: RateLimitRule,
): Promise<RateLimitState> {
  return enqueueHit(db, { key, rule });
}

// A hit inside a transaction is queued on the transaction's handle, so it stays in it.
const enqueueHit = createBatchQueues<Database, RateLimitCharge, RateLimitState>(writeHits, 500);

/** Counts a batch of hits; several on one key count one after another, in arrival order. */
async function writeHits(
  db: Database,
  batch: readonly RateLimitCharge[],
): Promise<Settled<RateLimitState>[]> {
  const countByKey = new Map<string, number>();
  for (const { key } of batch) countByKey.set(key, (countByKey.get(key) ?? 0) + 1);
  const windowSecondsByKey = new Map(batch.map(({ key, rule }) => [key, rule.windowSeconds]));
  const expired = sql`${rateLimits.windowEndsAt} <= now()`;
  const rows = await db
    .insert(rateLimits)
    .values(
      [...countByKey].map(([key, hits]) => ({
        key,
        hits,
        windowEndsAt: sql`now() + make_interval(secs => ${windowSecondsByKey.get(key)})`,
      })),
    )
    .onConflictDoUpdate({
      target: rateLimits.key,
      set: {
        hits: sql`case when ${expired} then excluded.hits else ${rateLimits.hits} + excluded.hits end`,
        windowEndsAt: sql`case when ${expired} then excluded.window_ends_at else ${rateLimits.windowEndsAt} end`,
      },
    })
    .returning({
      key: rateLimits.key,
      hits: rateLimits.hits,
      windowEndsAt: rateLimits.windowEndsAt,
    });
  const rowByKey = new Map(rows.map((row) => [row.key, row]));
  // Every participant leaves a few counters behind; now and then a batch sweeps the ended ones
  // (an ended window counts as no row at all, so sweeping never changes an answer).
  if (Math.random() < purgeChance * batch.length) await purgeEndedRateLimits(db);
  const counted = new Map<string, number>();
  return batch.map(({ key, rule }) => {
    const row = rowByKey.get(key);
    if (!row) return { ok: false, error: new Error(`Rate limit upsert returned no ${key}`) };
    const before = counted.get(key) ?? 0;
    counted.set(key, before + 1);
    // This hit's place in the window: the hits before this batch, then this batch's in order.
    const hits = row.hits - countByKey.get(key)! + before + 1;
    return {
      ok: true,
      value: {
        allowed: hits <= rule.limit,
        hits,
        retryAfterSeconds: secondsUntil(row.windowEndsAt),
      },
    };
  });
}

const purgeChance = 1 / 1000;

export async function purgeEndedRateLimits(db: Database) {
  await db.delete(rateLimits).where(lte(rateLimits.windowEndsAt, sql`now()`));
}

/** Reads a counter without counting a hit. */
export async function peekRateLimit(
  db: Database,
  key: string,
  rule: RateLimitRule,
): Promise<RateLimitState> {
  const [row] = await db
    .select()
    .from(rateLimits)
    .where(and(eq(rateLimits.key, key), gt(rateLimits.windowEndsAt, sql`now()`)));
  if (!row) return { allowed: true, hits: 0, retryAfterSeconds: 0 };
  return {
    allowed: row.hits < rule.limit,
    hits: row.hits,
    retryAfterSeconds: secondsUntil(row.windowEndsAt),
  };
}

export async function clearRateLimit(db: Database, key: string) {
  await db.delete(rateLimits).where(eq(rateLimits.key, key));
}

/** Gives back one counted hit (an attempt that turned out legitimate). */
export async function refundRateLimit(db: Database, key: string) {
  await db
    .update(rateLimits)
    .set({ hits: sql`greatest(${rateLimits.hits} - 1, 0)` })
    .where(eq(rateLimits.key, key));
}
