import { type NextRequest } from "next/server";

import { normalizeJoinCode } from "~/server/sessions/join-code";

/**
 * Target of the landing page's code box (a GET form, so it works before JavaScript loads):
 * sends people to /join/CODE in the canonical form, or with what they typed so the page can say
 * what's wrong with it.
 */
export function GET(request: NextRequest) {
  const typed = (request.nextUrl.searchParams.get("code") ?? "").trim().slice(0, 20);
  const code = normalizeJoinCode(typed) ?? typed;
  // A relative Location: behind a proxy the request's own host may be an internal one.
  return new Response(null, {
    status: 303,
    headers: { location: `/join/${encodeURIComponent(code || "-")}` },
  });
}
