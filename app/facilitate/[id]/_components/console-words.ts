"use client";

import { useFormatter, useLocale, useTranslations } from "next-intl";

import { dueDayFormat, ownerAndDue, readableError } from "../../_lib/live-actions";

/** The console's words for the shared action helpers: owner lines, group names, errors. */
export function useActionWords() {
  const t = useTranslations("facilitate.shared");
  const format = useFormatter();
  return {
    ownerAndDue: (action: { ownerName: string | null; dueOn: string | null }) =>
      ownerAndDue(action, {
        noOwner: t("noOwnerYet"),
        withDue: (owner, due) => t("ownerDue", { owner, due }),
        formatDay: (day) => format.dateTime(day, dueDayFormat),
      }),
    groupNames: { another: t("anotherPractice"), none: t("noPractice") },
    readableError: (error: unknown) => readableError(error, t("errorFallback")),
  };
}

/**
 * A time of day ("3:45 PM") in the reader's language and time zone. The provider's zone is the
 * server's; the console shows times only from live snapshots, which arrive in the browser, so the
 * browser's zone is the reader's and nothing renders on the server to mismatch.
 */
export function useTimeOfDay() {
  const format = useFormatter();
  const locale = useLocale();
  const timeZone = new Intl.DateTimeFormat(locale).resolvedOptions().timeZone;
  return (date: Date) => format.dateTime(date, { hour: "numeric", minute: "2-digit", timeZone });
}
