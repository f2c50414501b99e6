import type { useTranslations } from "next-intl";

/**
 * Audit entries as sentences for people, in the reader's language. Details are what the writer
 * stored at the time (names as they were then), read defensively: the log outlives the code that
 * wrote older entries.
 */
export interface AuditEntryForText {
  action: string;
  targetType: string;
  details: Record<string, unknown>;
}

/** The words of `admin.audit.entry`, from useTranslations or getTranslations. */
export type AuditWords = ReturnType<typeof useTranslations<"admin.audit.entry">>;

const roles = ["admin", "facilitator", "member"] as const;

function text(details: Record<string, unknown>, key: string): string | null {
  const value = details[key];
  if (typeof value === "string" && value.trim()) return value;
  if (typeof value === "number" && Number.isFinite(value)) return String(value);
  return null;
}

function role(t: AuditWords, details: Record<string, unknown>, key: string) {
  const value = roles.find((known) => known === text(details, key));
  return value ? t(`roles.${value}`) : t("roles.other");
}

/** Content actions with a sentence of their own; the words of newer ones are shown as they are. */
const contentSentences = {
  "content.create": "contentCreate",
  "content.edit": "contentEdit",
  "content.publish": "contentPublish",
  "content.archive": "contentArchive",
  "content.unarchive": "contentUnarchive",
} as const;

export function auditSentence({ action, details }: AuditEntryForText, t: AuditWords): string {
  const name = text(details, "name") ?? t("anAccount");
  const team = text(details, "team") ?? t("aTeam");
  switch (action) {
    case "user.create":
      return t("userCreate", { name, role: role(t, details, "role") });
    case "user.role":
      return t("userRole", {
        name,
        from: role(t, details, "from"),
        to: role(t, details, "to"),
      });
    case "user.deactivate":
      return t("userDeactivate", { name });
    case "user.reactivate":
      return t("userReactivate", { name });
    case "user.invite":
      return t("userInvite", { role: role(t, details, "role") });
    case "user.invite.accept":
      return t("userInviteAccept", {
        name: text(details, "name") ?? t("someone"),
        role: role(t, details, "role"),
      });
    case "user.invite.revoke":
      return t("userInviteRevoke", { role: role(t, details, "role") });
    case "team.create":
      return t("teamCreate", { team });
    case "team.invite.create":
      return t("teamInviteCreate", { team, role: role(t, details, "role") });
    case "team.invite.revoke":
      return t("teamInviteRevoke", { team });
    case "team.member.add":
      return t("teamMemberAdd", { name, team, role: role(t, details, "role") });
    case "team.member.remove":
      return t("teamMemberRemove", { name, team });
    case "team.member.role":
      return t("teamMemberRole", { name, team, role: role(t, details, "to") });
    case "team.member.move":
      return t("teamMemberMove", {
        name,
        from: text(details, "fromTeam") ?? t("aTeam"),
        to: text(details, "toTeam") ?? t("anotherTeam"),
      });
    default:
      return otherSentence(action, details, t);
  }
}

/** Content changes (and anything newer): the action in words plus a title if there is one. */
function otherSentence(action: string, details: Record<string, unknown>, t: AuditWords) {
  const sentence =
    action in contentSentences
      ? t(contentSentences[action as keyof typeof contentSentences])
      : wordsOf(action);
  const subject = text(details, "title") ?? text(details, "name");
  return subject ? t("withSubject", { sentence, subject }) : sentence;
}

/** An action no sentence knows yet, spelled out from its own (English) words. */
function wordsOf(action: string) {
  const words = action.split(".").join(" ").replace(/[-_]/g, " ");
  return words.charAt(0).toUpperCase() + words.slice(1);
}

/** The email or other identifying detail shown under the sentence, if any. */
export function auditSubtitle({ details }: AuditEntryForText, t: AuditWords): string | null {
  const email = text(details, "email");
  const version = text(details, "version");
  if (email) return email;
  if (version) return t("version", { version });
  return null;
}
