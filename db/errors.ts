/**
 * Whether a database error is a unique-constraint violation (SQLSTATE 23505). Drizzle wraps the
 * driver's error, and postgres.js and PGlite both put the code on theirs.
 */
export function isUniqueViolation(error: unknown): boolean {
  for (
    let e: unknown = error;
    e instanceof Error || isRecord(e);
    e = (e as { cause?: unknown }).cause
  ) {
    if ((e as { code?: unknown }).code === "23505") return true;
    if (!(e as { cause?: unknown }).cause) break;
  }
  return false;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null;
}
