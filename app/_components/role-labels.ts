/** How roles read on screen. */
export const teamRoleLabel = { facilitator: "Facilitator", member: "Member" } as const;
export const userRoleLabel = {
  admin: "Admin",
  facilitator: "Facilitator",
  member: "Member",
} as const;
