import type { Metadata } from "next";
import Link from "next/link";
import { redirect } from "next/navigation";
import { getTranslations } from "next-intl/server";

import { getCurrentUser } from "~/server/auth/current-user";

import { HydrateClient, prefetch, trpc } from "../../../_trpc/server";
import { TRPCReactProvider } from "../../../_trpc/client";
import { ActionBoard } from "./_components/action-board";
import { CalendarFeedPanel } from "./_components/calendar-feed-panel";
import { boardListInput, boardSearch, parseBoardFilters } from "./_lib/filters";
import { boardPath, loadTeam } from "./_lib/load-team";

type Props = {
  params: Promise<{ slug: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
};

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { slug } = await params;
  const t = await getTranslations("teams.board");
  return { title: t("metaTitle", { team: (await loadTeam(slug, boardPath(slug))).name }) };
}

export default async function BoardPage({ params, searchParams }: Props) {
  const t = await getTranslations("teams");
  const { slug } = await params;
  const filters = parseBoardFilters(await searchParams);
  const team = await loadTeam(slug, `${boardPath(slug)}${boardSearch(filters)}`);
  // bySlug succeeded, so someone is signed in; the check keeps the types honest.
  const user = await getCurrentUser();
  if (!user) redirect(`/sign-in?next=${encodeURIComponent(boardPath(slug))}`);

  prefetch(trpc.board.list.queryOptions(boardListInput(team.id, filters)));
  prefetch(trpc.board.options.queryOptions({ teamId: team.id }));
  prefetch(trpc.calendar.mine.queryOptions({ teamId: team.id }));

  return (
    <TRPCReactProvider>
      <HydrateClient>
        <nav aria-label={t("breadcrumb")} className="mb-2 text-sm">
          <ol className="flex flex-wrap items-center gap-1.5 text-muted">
            <li>
              <Link href="/teams" className="underline-offset-4 hover:underline">
                {t("list.title")}
              </Link>
            </li>
            <li aria-hidden="true">/</li>
            <li>
              <Link
                href={`/teams/${encodeURIComponent(team.slug)}`}
                className="underline-offset-4 hover:underline"
              >
                {team.name}
              </Link>
            </li>
          </ol>
        </nav>
        <ActionBoard
          teamId={team.id}
          slug={team.slug}
          viewer={{ id: user.id, role: user.role }}
          membership={team.membership}
          canManage={team.canManage}
          initialFilters={filters}
        />
        <div className="mt-10">
          <CalendarFeedPanel teamId={team.id} teamName={team.name} />
        </div>
      </HydrateClient>
    </TRPCReactProvider>
  );
}
