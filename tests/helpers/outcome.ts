import { TRPCError } from "@trpc/server";

/** "ok", or the tRPC error code a call was refused with: what access tables compare. */
export async function outcome(call: Promise<unknown>) {
  try {
    await call;
    return "ok";
  } catch (error) {
    if (error instanceof TRPCError) return error.code;
    throw error;
  }
}
