import { describe, expect, it } from "vitest";

import {
  auditEntrySubtitle,
  describeAuditEntry,
} from "~/app/admin/audit/_components/audit-entry-text";

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
