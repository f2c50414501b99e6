import { describe, expect, it } from "vitest";

import {
  accountRoleForInvitee,
  hashInviteToken,
  invitePath,
  inviteState,
  looksLikeInviteToken,
  newInviteToken,
} from "~/server/teams/invite-token";

describe("invite tokens", () => {
  it("are 32 random bytes as 43 base64url characters, never repeated", () => {
    const tokens = Array.from({ length: 100 }, newInviteToken);
    for (const token of tokens) {
      expect(token).toMatch(/^[A-Za-z0-9_-]{43}$/);
      expect(Buffer.from(token, "base64url")).toHaveLength(32);
      expect(looksLikeInviteToken(token)).toBe(true);
    }
    expect(new Set(tokens).size).toBe(100);
  });

  it("are stored as their SHA-256, which never contains the token", () => {
    const token = newInviteToken();
    expect(hashInviteToken(token)).toMatch(/^[0-9a-f]{64}$/);
    expect(hashInviteToken(token)).toBe(hashInviteToken(token));
    expect(hashInviteToken(token)).not.toBe(hashInviteToken(newInviteToken()));
    expect(hashInviteToken(token)).not.toContain(token);
  });

  it.each([
    "",
    "short",
    "A".repeat(42),
    "A".repeat(44),
    `${"A".repeat(42)}=`,
    `${"A".repeat(42)}/`,
  ])("rejects %j as a token's shape", (token) => expect(looksLikeInviteToken(token)).toBe(false));

  it("lead to /invite/TOKEN", () => {
    expect(invitePath("abc")).toBe("/invite/abc");
  });
});

describe("the state of an invite", () => {
  const now = new Date("2026-03-01T12:00:00Z");
  const later = new Date("2026-03-08T12:00:00Z");
  const earlier = new Date("2026-02-28T12:00:00Z");

  it.each([
    ["open until it expires", { revokedAt: null, expiresAt: later }, "open"],
    ["expired at its expiry time", { revokedAt: null, expiresAt: now }, "expired"],
    ["expired after it", { revokedAt: null, expiresAt: earlier }, "expired"],
    ["revoked before expiry", { revokedAt: earlier, expiresAt: later }, "revoked"],
    ["revoked even once expired", { revokedAt: earlier, expiresAt: earlier }, "revoked"],
  ] as const)("is %s", (_, invite, state) => expect(inviteState(invite, now)).toBe(state));
});

describe("the account role of someone who signs up through an invite", () => {
  it("is facilitator for a facilitator invite and member otherwise", () => {
    expect(accountRoleForInvitee("facilitator")).toBe("facilitator");
    expect(accountRoleForInvitee("member")).toBe("member");
  });
});
