import "server-only";

import { LocalizedError, trpcErrorOf } from "../i18n/localized-error";
import type { ServerText } from "../i18n/server-text";

/**
 * A refused admin change, with a sentence the admin can act on. The kind says which tRPC code
 * it becomes, so the domain code needn't know about tRPC.
 */
export class AdminRuleError extends LocalizedError {
  constructor(
    readonly kind: "not-found" | "conflict" | "forbidden",
    text: ServerText,
  ) {
    super(text);
  }
}

/** Runs an admin change and turns its rule errors into tRPC errors; others stay internal. */
export async function asAdminTRPC<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    if (error instanceof AdminRuleError) {
      const code = (
        { "not-found": "NOT_FOUND", conflict: "CONFLICT", forbidden: "FORBIDDEN" } as const
      )[error.kind];
      throw trpcErrorOf(code, error);
    }
    throw error;
  }
}
