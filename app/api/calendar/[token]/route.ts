import { getTranslations } from "next-intl/server";

import { feedCalendar } from "~/server/actions/calendar-feeds";
import { getDatabase } from "~/server/db";
import { env } from "~/server/env";

export const dynamic = "force-dynamic";

/**
 * A member's secret iCalendar feed of the team's due dates. Calendar apps fetch it without a
 * session, so the token in the address is the only key; an unknown or revoked one gets a 404
 * that says no more than that.
 */
export async function GET(_request: Request, { params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  const calendar = await feedCalendar(
    getDatabase().db,
    token,
    env.PUBLIC_URL.replace(/\/+$/, ""),
    new Date(),
  );
  if (calendar === null) {
    const t = await getTranslations("home.api");
    return new Response(t("calendarNotFound"), {
      status: 404,
      headers: { "content-type": "text/plain; charset=utf-8", "cache-control": "no-store" },
    });
  }
  return new Response(calendar, {
    headers: {
      "content-type": "text/calendar; charset=utf-8",
      "content-disposition": 'inline; filename="actions.ics"',
      // Calendar apps poll; five minutes of staleness is fine, and the feed is one person's.
      "cache-control": "private, max-age=300",
    },
  });
}
