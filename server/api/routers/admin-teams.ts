import { z } from "zod";

import { teamRole } from "~/db/schema";

import { emailInput } from "../../accounts/inputs";
import { asAdminTRPC } from "../../admin/errors";
import { pageInput, searchInput, teamIdInput, userIdInput } from "../../admin/inputs";
import {
  addTeamMember,
  changeTeamRole,
  listTeamsWithPeople,
  moveTeamMember,
  removeTeamMember,
  teamChoices,
} from "../../admin/teams";
import { adminProcedure, createTRPCRouter } from "../trpc";

const teamRoleInput = z.enum(teamRole.enumValues, "Choose facilitator or member.");

export const adminTeamsRouter = createTRPCRouter({
  list: adminProcedure
    .input(z.object({ search: searchInput, page: pageInput }))
    .query(({ ctx, input }) => listTeamsWithPeople(ctx.db, input)),

  /** Every team's id and name, for "move to" choices. */
  choices: adminProcedure.query(({ ctx }) => teamChoices(ctx.db)),

  addMember: adminProcedure
    .input(
      z.object({ teamId: teamIdInput, email: emailInput, role: teamRoleInput.default("member") }),
    )
    .mutation(({ ctx, input }) => asAdminTRPC(() => addTeamMember(ctx.db, ctx.user.id, input))),

  removeMember: adminProcedure
    .input(z.object({ teamId: teamIdInput, userId: userIdInput }))
    .mutation(({ ctx, input }) => asAdminTRPC(() => removeTeamMember(ctx.db, ctx.user.id, input))),

  changeMemberRole: adminProcedure
    .input(z.object({ teamId: teamIdInput, userId: userIdInput, role: teamRoleInput }))
    .mutation(({ ctx, input }) => asAdminTRPC(() => changeTeamRole(ctx.db, ctx.user.id, input))),

  moveMember: adminProcedure
    .input(z.object({ userId: userIdInput, fromTeamId: teamIdInput, toTeamId: teamIdInput }))
    .mutation(({ ctx, input }) => asAdminTRPC(() => moveTeamMember(ctx.db, ctx.user.id, input))),
});
