import { randomInt } from "node:crypto";

/** Letters and digits without look-alikes: no 0/O, 1/I/L. 31 symbols, ~887 million codes. */
export const joinCodeAlphabet = "23456789ABCDEFGHJKMNPQRSTUVWXYZ";
export const joinCodeLength = 6;

export function generateJoinCode(): string {
  let code = "";
  for (let i = 0; i < joinCodeLength; i++)
    code += joinCodeAlphabet[randomInt(joinCodeAlphabet.length)];
  return code;
}

/**
 * Accepts what people type: any case, with or without the dash, with stray spaces. Returns the
 * stored form (6 upper-case symbols) or null when it can't be a code.
 */
export function normalizeJoinCode(input: string): string | null {
  const compact = input.replace(/[\s-]/g, "").toUpperCase();
  if (compact.length !== joinCodeLength) return null;
  for (const char of compact) if (!joinCodeAlphabet.includes(char)) return null;
  return compact;
}

/** The shown form: ABC-DEF. */
export function formatJoinCode(code: string): string {
  return `${code.slice(0, 3)}-${code.slice(3)}`;
}
