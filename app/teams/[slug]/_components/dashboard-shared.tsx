import type { inferRouterOutputs } from "@trpc/server";

import type { AppRouter } from "~/server/api/root";

/* What the dashboard's parts share: the data's type, date formats and the section heading. */

export type Dashboard = inferRouterOutputs<AppRouter>["dashboard"]["team"];

// Session dates are shown as the UTC day, like due dates: the server render and the browser
// then print the same text, and a session is one day however far apart its people are.
const dayFormat = new Intl.DateTimeFormat("en", { dateStyle: "medium", timeZone: "UTC" });
const shortDayFormat = new Intl.DateTimeFormat("en", {
  month: "short",
  day: "numeric",
  timeZone: "UTC",
});

export function formatDate(date: Date) {
  return dayFormat.format(date);
}

export function formatShortDate(date: Date) {
  return shortDayFormat.format(date);
}

export function DashboardHeading({ id, children }: { id: string; children: React.ReactNode }) {
  return (
    <h3 id={id} className="mb-3 text-lg font-semibold">
      {children}
    </h3>
  );
}
