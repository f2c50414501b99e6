import { z } from "zod";

import { userRole } from "~/db/schema";

import { emailInput, newPasswordInput, personNameInput } from "../../accounts/inputs";
import { asAdminTRPC } from "../../admin/errors";
import { pageInput, searchInput, userIdInput } from "../../admin/inputs";
import {
  changeUserRole,
  createAccount,
  inviteAccount,
  listAccountInvites,
  listUsers,
  revokeAccountInvite,
  setUserActive,
} from "../../admin/users";
import { adminProcedure, createTRPCRouter } from "../trpc";

const roleInput = z.enum(userRole.enumValues, "Choose admin, facilitator or member.");

export const adminUsersRouter = createTRPCRouter({
  list: adminProcedure
    .input(z.object({ search: searchInput, page: pageInput }))
    .query(({ ctx, input }) => listUsers(ctx.db, input)),

  changeRole: adminProcedure
    .input(z.object({ userId: userIdInput, role: roleInput }))
    .mutation(({ ctx, input }) => asAdminTRPC(() => changeUserRole(ctx.db, ctx.user.id, input))),

  deactivate: adminProcedure
    .input(z.object({ userId: userIdInput }))
    .mutation(({ ctx, input }) =>
      asAdminTRPC(() =>
        setUserActive(ctx.db, ctx.user.id, { userId: input.userId, active: false }),
      ),
    ),

  reactivate: adminProcedure
    .input(z.object({ userId: userIdInput }))
    .mutation(({ ctx, input }) =>
      asAdminTRPC(() => setUserActive(ctx.db, ctx.user.id, { userId: input.userId, active: true })),
    ),

  create: adminProcedure
    .input(
      z.object({
        name: personNameInput,
        email: emailInput,
        role: roleInput,
        password: newPasswordInput,
      }),
    )
    .mutation(({ ctx, input }) => asAdminTRPC(() => createAccount(ctx.db, ctx.user.id, input))),

  /** A one-account sign-up link; the token is in the returned path, shown once. */
  createInvite: adminProcedure
    .input(
      z.object({
        role: roleInput,
        expiresInDays: z
          .number()
          .int("Give the number of days as a whole number.")
          .min(1, "A sign-up link must work for at least 1 day.")
          .max(30, "A sign-up link can work for at most 30 days.")
          .default(7),
      }),
    )
    .mutation(({ ctx, input }) => asAdminTRPC(() => inviteAccount(ctx.db, ctx.user.id, input))),

  /** Sign-up links that still work, newest first: role, maker and expiry, never the token. */
  listInvites: adminProcedure.query(({ ctx }) => listAccountInvites(ctx.db)),

  /** Withdraws a sign-up link; team invites are revoked from their team's page instead. */
  revokeInvite: adminProcedure
    .input(z.object({ inviteId: z.uuid("That is not a sign-up link id.") }))
    .mutation(({ ctx, input }) =>
      asAdminTRPC(() => revokeAccountInvite(ctx.db, ctx.user.id, input)),
    ),
});
