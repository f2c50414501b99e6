import type { CommonTranslator } from "./translator";

/** The message key of each role's name (`common.roles.<role>.label`). */
export const userRoleLabelKeys = {
  admin: "roles.admin.label",
  facilitator: "roles.facilitator.label",
  member: "roles.member.label",
} as const;
export const teamRoleLabelKeys = {
  facilitator: "roles.facilitator.label",
  member: "roles.member.label",
} as const;

export type UserRole = keyof typeof userRoleLabelKeys;
export type TeamRole = keyof typeof teamRoleLabelKeys;
export const userRoles = Object.keys(userRoleLabelKeys) as UserRole[];
export const teamRoles = Object.keys(teamRoleLabelKeys) as TeamRole[];

/** How an account's role reads on screen: `userRoleLabel(t, "admin")` is "Admin". */
export function userRoleLabel(t: CommonTranslator, role: UserRole) {
  return t(userRoleLabelKeys[role]);
}

/** How a role in a team reads on screen: `teamRoleLabel(t, "member")` is "Member". */
export function teamRoleLabel(t: CommonTranslator, role: TeamRole) {
  return t(teamRoleLabelKeys[role]);
}
