import { describe, expect, it } from "vitest";

import { auditKindOf, namedAuditActions } from "~/server/admin/audit-kinds";

import { createTranslator } from "use-intl/core";

import {
  auditSentence,
  auditSubtitle,
  type AuditEntryForText,
  type AuditWords,
} from "~/app/admin/audit/_components/audit-sentence";
import admin from "~/server/i18n/messages/en/admin.json";

// The page passes the reader's translator; these tests read the English one.
const english: AuditWords = createTranslator({
  locale: "en",
  messages: { admin },
  namespace: "admin.audit.entry",
});
const describeAuditEntry = (entry: AuditEntryForText) => auditSentence(entry, english);
const auditEntrySubtitle = (entry: AuditEntryForText) => auditSubtitle(entry, english);

const entry = (action: string, details: Record<string, unknown> = {}) => ({
  action,
  targetType: "user",
  details,
});

describe("audit entries as sentences", () => {
  it("say what happened to whom, with the names stored at the time", () => {
    expect(
      describeAuditEntry(entry("user.role", { name: "Mia", from: "member", to: "admin" })),
    ).toBe("Changed Mia's role from member to admin");
    expect(
      describeAuditEntry(
        entry("team.member.move", { name: "Bo", fromTeam: "Core", toTeam: "Mobile" }),
      ),
    ).toBe("Moved Bo from Core to Mobile");
    expect(describeAuditEntry(entry("user.deactivate", { name: "Al", email: "al@x.test" }))).toBe(
      "Deactivated Al",
    );
    expect(auditEntrySubtitle(entry("user.deactivate", { email: "al@x.test" }))).toBe("al@x.test");
  });

  it("read content changes and unknown actions from the action's words", () => {
    expect(describeAuditEntry(entry("content.publish", { title: "The essay", version: 3 }))).toBe(
      "Content publish: The essay",
    );
    expect(auditEntrySubtitle(entry("content.publish", { version: 3 }))).toBe("Version 3");
    expect(describeAuditEntry(entry("content.archive"))).toBe("Content archive");
  });

  it("don't break on details of the wrong shape", () => {
    expect(describeAuditEntry(entry("user.role", { name: 42, from: {}, to: null }))).toBe(
      "Changed 42's role from another role to another role",
    );
    expect(describeAuditEntry(entry("team.member.add", { name: ["x"] }))).toBe(
      "Added an account to a team as another role",
    );
  });
});

describe("every named audit action", () => {
  it.each(namedAuditActions)("%s lands in its kind and has its own sentence", (action) => {
    expect(auditKindOf(action)).toBe(action.startsWith("user.") ? "users" : "teams");
    const sentence = describeAuditEntry(
      entry(action, { name: "Kim", team: "Core", role: "admin" }),
    );
    // The fallback spells out the action's words; a named action has a real sentence.
    expect(sentence.toLowerCase()).not.toContain(action.split(".").join(" "));
  });

  it("reads sign-up links, their use and team changes", () => {
    expect(
      describeAuditEntry(
        entry("user.invite.accept", { name: "Kim", email: "k@x.test", role: "member" }),
      ),
    ).toBe("Kim signed up through a sign-up link as member");
    expect(describeAuditEntry(entry("user.invite.revoke", { role: "admin" }))).toBe(
      "Withdrew a sign-up link for a new admin",
    );
    expect(describeAuditEntry(entry("team.create", { team: "Core" }))).toBe(
      "Created the team Core",
    );
    expect(describeAuditEntry(entry("team.invite.create", { team: "Core", role: "member" }))).toBe(
      "Created an invite link to Core for a new member",
    );
    expect(describeAuditEntry(entry("team.invite.revoke", { team: "Core" }))).toBe(
      "Withdrew an invite link to Core",
    );
  });
});
