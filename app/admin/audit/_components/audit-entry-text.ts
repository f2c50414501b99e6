/**
 * Audit entries as sentences for people. Details are what the writer stored at the time (names
 * as they were then), read defensively: the log outlives the code that wrote older entries.
 */
export interface AuditEntryForText {
  action: string;
  targetType: string;
  details: Record<string, unknown>;
}

const roleWord: Record<string, string> = {
  admin: "admin",
  facilitator: "facilitator",
  member: "member",
};

function text(details: Record<string, unknown>, key: string): string | null {
  const value = details[key];
  if (typeof value === "string" && value.trim()) return value;
  if (typeof value === "number" && Number.isFinite(value)) return String(value);
  return null;
}

const role = (details: Record<string, unknown>, key: string) =>
  roleWord[text(details, key) ?? ""] ?? "another role";

export function describeAuditEntry({ action, details }: AuditEntryForText): string {
  const who = text(details, "name") ?? "an account";
  const team = text(details, "team") ?? "a team";
  switch (action) {
    case "user.create":
      return `Created the account of ${who} as ${role(details, "role")}`;
    case "user.role":
      return `Changed ${who}'s role from ${role(details, "from")} to ${role(details, "to")}`;
    case "user.deactivate":
      return `Deactivated ${who}`;
    case "user.reactivate":
      return `Reactivated ${who}`;
    case "user.invite":
      return `Created a sign-up link for a new ${role(details, "role")}`;
    case "user.invite.accept":
      return `${text(details, "name") ?? "Someone"} signed up through a sign-up link as ${role(details, "role")}`;
    case "user.invite.revoke":
      return `Withdrew a sign-up link for a new ${role(details, "role")}`;
    case "team.create":
      return `Created the team ${team}`;
    case "team.invite.create":
      return `Created an invite link to ${team} for a new ${role(details, "role")}`;
    case "team.invite.revoke":
      return `Withdrew an invite link to ${team}`;
    case "team.member.add":
      return `Added ${who} to ${team} as ${role(details, "role")}`;
    case "team.member.remove":
      return `Removed ${who} from ${team}`;
    case "team.member.role":
      return `Made ${who} ${role(details, "to")} of ${team}`;
    case "team.member.move":
      return `Moved ${who} from ${text(details, "fromTeam") ?? "a team"} to ${text(details, "toTeam") ?? "another team"}`;
    default:
      return genericSentence(action, details);
  }
}

/** Content changes (and anything newer): the action in words plus a title if there is one. */
function genericSentence(action: string, details: Record<string, unknown>) {
  const words = action.split(".").join(" ").replace(/[-_]/g, " ");
  const sentence = words.charAt(0).toUpperCase() + words.slice(1);
  const subject = text(details, "title") ?? text(details, "name");
  return subject ? `${sentence}: ${subject}` : sentence;
}

/** The email or other identifying detail shown under the sentence, if any. */
export function auditEntrySubtitle({ details }: AuditEntryForText): string | null {
  const email = text(details, "email");
  const version = text(details, "version");
  if (email) return email;
  if (version) return `Version ${version}`;
  return null;
}
