import { TRPCError } from "@trpc/server";
import { getLocale, getTranslations } from "next-intl/server";

import { actionsCsv } from "~/server/actions/csv";

import { serverCaller } from "../../../../_trpc/server";
import { boardListInput, boardSearch, parseBoardFilters } from "../_lib/filters";

export const dynamic = "force-dynamic";

const plain = (status: number, text: string) =>
  new Response(text, {
    status,
    headers: { "content-type": "text/plain; charset=utf-8", "cache-control": "no-store" },
  });

/**
 * The board's actions as CSV, with the board's filters. It goes through the same procedures as
 * the page, so who may download what is decided where every other read is.
 */
export async function GET(request: Request, { params }: { params: Promise<{ slug: string }> }) {
  const { slug } = await params;
  const filters = parseBoardFilters(new URL(request.url).searchParams);
  try {
    const caller = await serverCaller();
    const team = await caller.team.bySlug({ slug });
    const { actions } = await caller.board.list(boardListInput(team.id, filters));
    const filename = `${team.slug.replace(/[^a-z0-9-]/gi, "-")}-actions.csv`;
    return new Response(actionsCsv(actions, await getLocale()), {
      headers: {
        "content-type": "text/csv; charset=utf-8",
        "content-disposition": `attachment; filename="${filename}"`,
        "cache-control": "private, no-store",
      },
    });
  } catch (error) {
    if (error instanceof TRPCError && error.code === "UNAUTHORIZED") {
      // A signed-out click on "Download CSV": sign in, then back to the board it came from.
      const board = `/teams/${encodeURIComponent(slug)}/board${boardSearch(filters)}`;
      return new Response(null, {
        status: 303,
        headers: { location: `/sign-in?next=${encodeURIComponent(board)}` },
      });
    }
    if (
      error instanceof TRPCError &&
      (error.code === "NOT_FOUND" || error.code === "BAD_REQUEST")
    ) {
      return plain(404, (await getTranslations("teams.board"))("csvNotFound"));
    }
    throw error;
  }
}
