import { ActionRuleError } from "../actions/rules";
import { trpcErrorOf } from "../i18n/localized-error";
import { SessionRuleError } from "../sessions/commands";
import { WorkshopUnavailableError } from "../sessions/create";

/**
 * Runs a domain call and turns its rule errors into tRPC errors with the domain's own sentence
 * (written for people; the error, kept as the cause, lets the formatter say it in the caller's
 * language); anything else stays an internal error whose details never leave.
 */
export async function asTRPC<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    if (error instanceof SessionRuleError) throw trpcErrorOf("CONFLICT", error);
    if (error instanceof ActionRuleError) throw trpcErrorOf(error.code, error);
    if (error instanceof WorkshopUnavailableError) throw trpcErrorOf("BAD_REQUEST", error);
    throw error;
  }
}
