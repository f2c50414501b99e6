"use client";

import { useLocale } from "next-intl";

/**
 * A date in the reader's own time zone and language. The server renders it in its own zone
 * first; the browser's text replaces it on hydration, hence the suppressed mismatch warning.
 */
export function LocalDate({ date, withTime = false }: { date: Date; withTime?: boolean }) {
  const locale = useLocale();
  const text = date.toLocaleString(locale, {
    dateStyle: "medium",
    ...(withTime ? { timeStyle: "short" } : {}),
  });
  return (
    <time dateTime={date.toISOString()} suppressHydrationWarning>
      {text}
    </time>
  );
}
