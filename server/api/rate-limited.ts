import "server-only";

import { localizedTRPCError } from "../i18n/localized-error";
import type { ServerText } from "../i18n/server-text";
import { hitRateLimit, tooManyTriesText, type RateLimitCharge } from "../rate-limit";
import type { Context } from "./trpc";

/**
 * The one place a rate limit becomes an answer: TOO_MANY_REQUESTS (HTTP 429) with a sentence
 * saying how long to wait, and the same wait in `Retry-After` for clients that read headers.
 * The header reaches the HTTP response because mutations travel in non-streamed batches (see
 * app/_trpc/links.ts), whose headers are written after every procedure of the batch has run.
 */
export function refuseTooMany(
  ctx: Pick<Context, "responseHeaders">,
  retryAfterSeconds: number,
  /** A sentence of the domain's own, when it says more than the generic one. */
  text: ServerText = tooManyTriesText(retryAfterSeconds),
): never {
  ctx.responseHeaders.set("retry-after", String(retryAfterSeconds));
  throw localizedTRPCError("TOO_MANY_REQUESTS", text);
}

/** Counts one hit against each charge (all of them, so none can be dodged) and refuses past any. */
export async function spendRateLimits(
  ctx: Pick<Context, "db" | "responseHeaders">,
  ...charges: RateLimitCharge[]
): Promise<void> {
  const states = await Promise.all(
    charges.map((charge) => hitRateLimit(ctx.db, charge.key, charge.rule)),
  );
  const refused = states.filter((state) => !state.allowed);
  if (refused.length === 0) return;
  refuseTooMany(ctx, Math.max(...refused.map((state) => state.retryAfterSeconds)));
}
