import { describe, expect, it } from "vitest";

import {
  formatJoinCode,
  generateJoinCode,
  joinCodeAlphabet,
  normalizeJoinCode,
} from "~/server/sessions/join-code";

describe("join codes", () => {
  it("leaves out look-alike characters", () => {
    for (const lookAlike of "0O1IL") expect(joinCodeAlphabet).not.toContain(lookAlike);
  });

  it("generates 6 characters from the alphabet, varied", () => {
    const codes = Array.from({ length: 200 }, generateJoinCode);
    for (const code of codes) expect(code).toMatch(/^[23456789ABCDEFGHJKMNPQRSTUVWXYZ]{6}$/);
    expect(new Set(codes).size).toBeGreaterThan(190);
  });

  it.each(["abc-def", "ABCDEF", "abcdef", " Abc-Def ", "abc def"])(
    "accepts %j as ABCDEF",
    (typed) => expect(normalizeJoinCode(typed)).toBe("ABCDEF"),
  );

  it.each(["", "ABC", "ABCDEFG", "ABC-DE0", "ABC-DEI", "ABC-DEL", "ÅBC-DEF", "ABC_DEF"])(
    "rejects %j",
    (typed) => expect(normalizeJoinCode(typed)).toBeNull(),
  );

  it("shows a code with a dash in the middle", () => {
    expect(formatJoinCode("ABCDEF")).toBe("ABC-DEF");
  });
});
