import type { inferRouterOutputs } from "@trpc/server";
import { useFormatter, useLocale } from "next-intl";

import type { AppRouter } from "~/server/api/root";

import { formatAverage, formatGap } from "../../../_components/voting/method-labels";

/* What the dashboard's parts share: the data's type, date formats and the section heading. */

export type Dashboard = inferRouterOutputs<AppRouter>["dashboard"]["team"];

/**
 * How the dashboard writes dates and numbers, in the reader's language. Session dates are shown
 * as the UTC day, like due dates: the server render and the browser then print the same text,
 * and a session is one day however far apart its people are.
 */
export function useDashboardFormat() {
  const format = useFormatter();
  const locale = useLocale();
  return {
    date: (date: Date) => format.dateTime(date, { dateStyle: "medium", timeZone: "UTC" }),
    shortDate: (date: Date) =>
      format.dateTime(date, { month: "short", day: "numeric", timeZone: "UTC" }),
    number: (value: number) => format.number(value),
    /** A share as a whole percentage: 0.5 is "50%". */
    percent: (part: number, total: number) =>
      format.number(total === 0 ? 0 : part / total, { style: "percent" }),
    average: (value: number | null) => formatAverage(value, locale),
    gap: (value: number | null) => formatGap(value, locale),
  };
}

export type DashboardFormat = ReturnType<typeof useDashboardFormat>;

export function DashboardHeading({ id, children }: { id: string; children: React.ReactNode }) {
  return (
    <h3 id={id} className="mb-3 text-lg font-semibold">
      {children}
    </h3>
  );
}
