import { newAccountInput } from "../../accounts/inputs";
import {
  createFirstAdmin,
  isSetupComplete,
  SetupAlreadyDoneError,
  SetupEmailTakenError,
} from "../../accounts/setup";
import { trpcErrorOf } from "../../i18n/localized-error";
import { createTRPCRouter, publicProcedure } from "../trpc";

export const setupRouter = createTRPCRouter({
  status: publicProcedure.query(async ({ ctx }) => ({
    complete: await isSetupComplete(ctx.db),
  })),

  /** Creates the first admin; refused once any admin has been set up. */
  createAdmin: publicProcedure.input(newAccountInput).mutation(async ({ ctx, input }) => {
    try {
      const admin = await createFirstAdmin(ctx.db, input);
      return { id: admin.id, email: admin.email };
    } catch (error) {
      if (error instanceof SetupAlreadyDoneError) throw trpcErrorOf("FORBIDDEN", error);
      if (error instanceof SetupEmailTakenError) throw trpcErrorOf("CONFLICT", error);
      throw error;
    }
  }),
});
