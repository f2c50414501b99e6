import { getTranslations } from "next-intl/server";
import type { z } from "zod";

type ErrorKey =
  | "emailTooLong"
  | "emailInvalid"
  | "nameMissing"
  | "nameTooLong"
  | "passwordTooShort"
  | "passwordTooLong";

/** Which message each rule of `newAccountInput` (server/accounts/inputs.ts) breaks reads as. */
const ruleMessages: Record<string, Partial<Record<string, ErrorKey>>> = {
  email: { too_big: "emailTooLong", invalid_format: "emailInvalid" },
  name: { too_small: "nameMissing", too_big: "nameTooLong" },
  password: { too_small: "passwordTooShort", too_big: "passwordTooLong" },
};

/**
 * The field errors of a new account's name, email and password, in the reader's language: the
 * shared schema's own texts are English, so each broken rule is named here by field and kind.
 */
export async function accountFieldErrors(
  error: z.ZodError,
): Promise<Record<string, string[] | undefined>> {
  const t = await getTranslations("home.errors");
  const fieldErrors: Record<string, string[]> = {};
  for (const issue of error.issues) {
    const field = String(issue.path[0] ?? "");
    const key = ruleMessages[field]?.[issue.code];
    const message = issue.code === "custom" ? t("nulCharacter") : key ? t(key) : issue.message;
    (fieldErrors[field] ??= []).push(message);
  }
  return fieldErrors;
}

/** "Too many tries — wait 40 seconds and try again.", as server/rate-limit.ts words the wait. */
export async function tooManyTriesText(retryAfterSeconds: number) {
  const t = await getTranslations("home.errors");
  return retryAfterSeconds < 90
    ? t("tooManyTriesSeconds", { seconds: retryAfterSeconds })
    : t("tooManyTriesMinutes", { minutes: Math.ceil(retryAfterSeconds / 60) });
}
