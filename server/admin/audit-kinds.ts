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

export const auditKindLabel: Record<AuditKind, string> = {
  content: "Content",
  users: "Users",
  teams: "Teams",
};

export function auditKindOf(action: string): AuditKind | null {
  return auditKinds.find((kind) => action.startsWith(auditKindActionPrefix[kind])) ?? null;
}
