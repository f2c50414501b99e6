import { z } from "zod";

import { teamRole } from "~/db/schema";

import { recordAudit } from "../../admin/audit";
import { isAdmin, mayManageTeam } from "../../auth/policy";
import { clientKeyFromHeaders } from "../../http/client-key";
import { localizedTRPCError, trpcErrorOf } from "../../i18n/localized-error";
import { createTeam } from "../../teams/create";
import {
  acceptInvite,
  countInviteAttempt,
  createInvite,
  defaultInviteDays,
  describeInvite,
  InviteUnusableError,
  revokeInvite,
  TooManyInviteAttemptsError,
} from "../../teams/invites";
import { openInvitesOfTeam, teamMembers, teamsVisibleTo } from "../../teams/queries";
import { textInput } from "../../text-input";
import { refuseTooMany } from "../rate-limited";
import {
  createTRPCRouter,
  facilitatorProcedure,
  memberProcedure,
  publicProcedure,
  teamFacilitatorProcedure,
  teamMemberBySlugProcedure,
  teamMemberProcedure,
} from "../trpc";

const teamNameInput = textInput()
  .trim()
  .min(1, "Name the team.")
  .max(80, "Keep the team name under 80 characters.");

/** Anything longer can't be one of our tokens (43 characters); the shape is checked later. */
const inviteTokenInput = textInput().trim().max(200, "That is not an invite link.");

/** Domain errors of invites, as the codes and sentences a client can act on. */
function inviteError(error: unknown): never {
  if (error instanceof InviteUnusableError) {
    throw trpcErrorOf(error.state === "unknown" ? "NOT_FOUND" : "PRECONDITION_FAILED", error);
  }
  throw error;
}

export const teamRouter = createTRPCRouter({
  /** The caller's teams; every team for an admin. */
  list: memberProcedure.query(({ ctx }) => teamsVisibleTo(ctx.db, ctx.user)),

  create: facilitatorProcedure
    .input(z.object({ name: teamNameInput }))
    .mutation(({ ctx, input }) => {
      const create = { name: input.name, creatorId: ctx.user.id };
      if (!isAdmin(ctx.user)) return createTeam(ctx.db, create);
      // An admin's change goes to the audit log, in the same transaction as the team.
      return ctx.db.transaction(async (tx) => {
        const team = await createTeam(tx, create);
        await recordAudit(tx, {
          actorId: ctx.user.id,
          action: "team.create",
          targetType: "team",
          targetId: team.id,
          details: { team: team.name, slug: team.slug },
        });
        return team;
      });
    }),

  bySlug: teamMemberBySlugProcedure.query(({ ctx }) => ({
    id: ctx.team.id,
    slug: ctx.team.slug,
    name: ctx.team.name,
    createdAt: ctx.team.createdAt,
    /** The caller's role in the team; null for an admin who is not in it. */
    membership: ctx.membership,
    /** Whether the caller may invite people and run the team's sessions (shapes the page). */
    canManage: mayManageTeam(ctx.user, ctx.membership),
  })),

  members: teamMemberProcedure.query(({ ctx }) => teamMembers(ctx.db, ctx.team.id)),

  createInvite: teamFacilitatorProcedure
    .input(
      z.object({
        teamRole: z
          .enum(teamRole.enumValues, "Invite people as member or facilitator.")
          .default("member"),
        expiresInDays: z
          .number()
          .int("Give the number of days as a whole number.")
          .min(1, "An invite link must work for at least 1 day.")
          .max(30, "An invite link can work for at most 30 days.")
          .default(defaultInviteDays),
      }),
    )
    .mutation(({ ctx, input }) => {
      const invite = {
        teamId: ctx.team.id,
        createdById: ctx.user.id,
        teamRole: input.teamRole,
        expiresInDays: input.expiresInDays,
      };
      if (!isAdmin(ctx.user)) return createInvite(ctx.db, invite);
      return ctx.db.transaction(async (tx) => {
        const created = await createInvite(tx, invite);
        await recordAudit(tx, {
          actorId: ctx.user.id,
          action: "team.invite.create",
          targetType: "team",
          targetId: ctx.team.id,
          details: {
            team: ctx.team.name,
            inviteId: created.id,
            role: created.teamRole,
            expiresAt: created.expiresAt.toISOString(),
          },
        });
        return created;
      });
    }),

  /** Invites that still work; expired and revoked ones drop off. */
  listInvites: teamFacilitatorProcedure.query(({ ctx }) => openInvitesOfTeam(ctx.db, ctx.team.id)),

  revokeInvite: teamFacilitatorProcedure
    .input(z.object({ inviteId: z.uuid("That is not an invite id.") }))
    .mutation(async ({ ctx, input }) => {
      const revoked = await ctx.db.transaction(async (tx) => {
        const result = await revokeInvite(tx, { teamId: ctx.team.id, inviteId: input.inviteId });
        if (result?.changed && isAdmin(ctx.user)) {
          await recordAudit(tx, {
            actorId: ctx.user.id,
            action: "team.invite.revoke",
            targetType: "team",
            targetId: ctx.team.id,
            details: { team: ctx.team.name, inviteId: result.id },
          });
        }
        return result;
      });
      if (!revoked) {
        throw localizedTRPCError("NOT_FOUND", { key: "invites.noSuchTeamInvite" });
      }
      return { id: input.inviteId };
    }),

  /** For the invite page, to anyone holding a link: names, offered role and whether it works. */
  inviteByToken: publicProcedure
    .input(z.object({ token: inviteTokenInput }))
    .query(({ ctx, input }) => describeInvite(ctx.db, input.token)),

  acceptInvite: memberProcedure
    .input(z.object({ token: inviteTokenInput }))
    .mutation(async ({ ctx, input }) => {
      try {
        await countInviteAttempt(ctx.db, clientKeyFromHeaders(ctx.headers));
        return await acceptInvite(ctx.db, { token: input.token, userId: ctx.user.id });
      } catch (error) {
        if (error instanceof TooManyInviteAttemptsError)
          refuseTooMany(ctx, error.retryAfterSeconds, error.text);
        inviteError(error);
      }
    }),
});
