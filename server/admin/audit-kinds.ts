/**
 * The kinds an admin filters the audit log by. An entry's kind is the first part of its dotted
 * action (`content.publish`, `user.role`, `team.member.move`), so every writer of the log,
 * whatever its target type, lands in the right kind by naming its action that way.
 */
export const auditKinds = ["content", "users", "teams"] as const;
export type AuditKind = (typeof auditKinds)[number];

export const auditKindActionPrefix: Record<AuditKind, string> = {
  content: "content.",
  users: "user.",
  teams: "team.",
};

/**
 * The user and team actions the log knows by name, each with its own sentence on the log page
 * (content actions are read from their words). Listed so that a test can check every one lands
 * in a kind and has a sentence; add new ones here.
 */
export const namedAuditActions = [
  "user.create",
  "user.role",
  "user.deactivate",
  "user.reactivate",
  "user.invite",
  "user.invite.accept",
  "user.invite.revoke",
  "team.create",
  "team.invite.create",
  "team.invite.revoke",
  "team.member.add",
  "team.member.remove",
  "team.member.role",
  "team.member.move",
] as const;

export function auditKindOf(action: string): AuditKind | null {
  return auditKinds.find((kind) => action.startsWith(auditKindActionPrefix[kind])) ?? null;
}
