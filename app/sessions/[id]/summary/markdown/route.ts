import { TRPCError } from "@trpc/server";
import { getLocale, getTranslations } from "next-intl/server";

import { summaryFileName, summaryMarkdown } from "~/server/summary/markdown";

import { serverCaller } from "../../../../_trpc/server";

type Context = { params: Promise<{ id: string }> };

const plain = (status: number, text: string) =>
  new Response(text, {
    status,
    headers: { "content-type": "text/plain; charset=utf-8", "cache-control": "no-store" },
  });

/**
 * The session summary as a Markdown download. Access is the summary procedure's: signed-out
 * visitors are sent to sign in and come back to the summary page; anyone outside the team gets
 * the same 404 as for a session that doesn't exist.
 */
export async function GET(_request: Request, { params }: Context) {
  const { id } = await params;
  let summary;
  try {
    summary = await (await serverCaller()).summary.byId({ sessionId: id });
  } catch (error) {
    if (error instanceof TRPCError && error.code === "UNAUTHORIZED") {
      // Back to the summary page (a download is no page to land on after signing in). A relative
      // Location: behind a proxy the request's own host may be an internal one.
      const next = `/sessions/${encodeURIComponent(id)}/summary`;
      return new Response(null, {
        status: 303,
        headers: { location: `/sign-in?next=${encodeURIComponent(next)}` },
      });
    }
    if (
      error instanceof TRPCError &&
      (error.code === "NOT_FOUND" || error.code === "BAD_REQUEST" || error.code === "FORBIDDEN")
    ) {
      return plain(404, (await getTranslations("teams.summary"))("notFound"));
    }
    throw error;
  }
  const fileName = summaryFileName(summary);
  return new Response(summaryMarkdown(summary, summary.today, await getLocale()), {
    headers: {
      "content-type": "text/markdown; charset=utf-8",
      // The file name is plain ASCII by construction, so it needs no quoting beyond the quotes.
      "content-disposition": `attachment; filename="${fileName}"`,
      "cache-control": "private, no-store",
      "x-content-type-options": "nosniff",
    },
  });
}
