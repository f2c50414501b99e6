import { TRPCError, type TRPC_ERROR_CODE_KEY } from "@trpc/server";
import { sql } from "drizzle-orm";

import type { Database } from "~/db";

/**
 * Trying a call without keeping what it did: each attempt runs in a transaction that is rolled
 * back (the procedure's own transactions nest inside it as savepoints, on PGlite and on
 * PostgreSQL alike), and a fingerprint of every table, taken inside that transaction before and
 * after the call, tells whether the call changed anything.
 */

export type Outcome = "ok" | TRPC_ERROR_CODE_KEY;

/** A digest per table of the public schema: equal digests, equal rows. */
export type Fingerprint = Record<string, string>;

/**
 * Counters of attempts, not data: a refused attempt is counted on purpose (that is how a code
 * guesser or a flood is slowed down), so a refusal may change them.
 */
const attemptCounters = new Set(["rate_limits"]);

/** The tables a refused call must leave as they were: all of the public schema but counters. */
export async function publicTables(db: Database): Promise<string[]> {
  const rows = rowsOf(
    await db.execute(
      sql`select table_name as name from information_schema.tables
          where table_schema = 'public' and table_type = 'BASE TABLE' order by 1`,
    ),
  );
  return rows.map((row) => String(row.name)).filter((table) => !attemptCounters.has(table));
}

/** One statement for all tables, so a fingerprint costs one round trip. */
export async function fingerprint(db: Database, tables: string[]): Promise<Fingerprint> {
  const columns = tables.map(
    (table) =>
      `(select md5(coalesce(string_agg(r::text, '|' order by r::text), '')) from "${table}" r) as "${table}"`,
  );
  const [row] = rowsOf(await db.execute(sql.raw(`select ${columns.join(", ")}`)));
  return row as Fingerprint;
}

/** The tables whose digest differs. */
export function changedTables(before: Fingerprint, after: Fingerprint) {
  return Object.keys(before).filter((table) => before[table] !== after[table]);
}

/** postgres.js answers with an array of rows, PGlite with `{ rows }`. */
function rowsOf(result: unknown): Record<string, unknown>[] {
  return (Array.isArray(result) ? result : (result as { rows: unknown[] }).rows) as Record<
    string,
    unknown
  >[];
}

class RolledBack extends Error {}

/** Runs `work` in a transaction that is always rolled back, and returns what it returned. */
export async function rolledBack<T>(db: Database, work: (tx: Database) => Promise<T>): Promise<T> {
  let result: { value: T } | undefined;
  try {
    await db.transaction(async (tx) => {
      result = { value: await work(tx) };
      throw new RolledBack();
    });
  } catch (error) {
    if (!(error instanceof RolledBack)) throw error;
  }
  return result!.value;
}

/**
 * The outcome of a call: "ok" with the answer, or the tRPC code it was refused with and the
 * message, which a failing test prints. A subscription counts as answered once it yields its first value; it is
 * then closed (its `finally` blocks run before this returns, inside the transaction).
 */
export async function outcomeOf(
  call: () => Promise<unknown>,
  subscription: { abort: AbortController } | null,
): Promise<{ code: Outcome; message?: string; value?: unknown }> {
  try {
    const result = await call();
    if (!subscription) return { code: "ok", value: result };
    const iterator = (result as AsyncIterable<unknown>)[Symbol.asyncIterator]();
    try {
      const first = await iterator.next();
      if (first.done) return { code: "INTERNAL_SERVER_ERROR", message: "ended without a value" };
      return { code: "ok", value: first.value };
    } finally {
      subscription.abort.abort();
      await iterator.return?.();
    }
  } catch (error) {
    if (error instanceof TRPCError) {
      const cause = error.code === "INTERNAL_SERVER_ERROR" ? ` <- ${String(error.cause)}` : "";
      return { code: error.code, message: error.message + cause };
    }
    return { code: "INTERNAL_SERVER_ERROR", message: String(error) };
  }
}

/** The names of the marked values (ids, emails, codes) that an answer mentions anywhere. */
export function mentions(value: unknown, marks: Record<string, string>) {
  const text = JSON.stringify(value) ?? "";
  return Object.keys(marks).filter((name) => text.includes(marks[name]!));
}
