import { TRPCError } from "@trpc/server";

import { ActionRuleError } from "../actions/rules";
import { SessionRuleError } from "../sessions/commands";
import { WorkshopUnavailableError } from "../sessions/create";

/**
 * Runs a domain call and turns its rule errors into tRPC errors with the domain's own sentence
 * (written for people); anything else stays an internal error whose details never leave.
 */
export async function asTRPC<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    if (error instanceof SessionRuleError) {
      throw new TRPCError({ code: "CONFLICT", message: error.message });
    }
    if (error instanceof ActionRuleError) {
      throw new TRPCError({ code: error.code, message: error.message });
    }
    if (error instanceof WorkshopUnavailableError) {
      throw new TRPCError({ code: "BAD_REQUEST", message: error.message });
    }
    throw error;
  }
}
