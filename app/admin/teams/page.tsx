import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { Suspense } from "react";

import { HydrateClient, prefetch, trpc } from "../../_trpc/server";
import { TRPCReactProvider } from "../../_trpc/client";
import { ListSkeleton } from "../../_components/list-skeleton";
import { Card, PageTitle } from "../../_components/ui";
import { SearchForm } from "../_components/list-controls";
import { listParams, requireAdmin } from "../_components/require-admin";
import { TeamAdminList } from "./_components/team-admin-list";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("admin.teams");
  return { title: t("metaTitle") };
}

export default async function AdminTeamsPage({
  searchParams,
}: {
  searchParams: Promise<{ q?: string | string[]; page?: string | string[] }>;
}) {
  await requireAdmin("/admin/teams");
  const t = await getTranslations("admin.teams");
  const { search, page } = listParams(await searchParams);
  prefetch(trpc.adminTeams.list.queryOptions({ search, page }));
  prefetch(trpc.adminTeams.choices.queryOptions());

  return (
    <TRPCReactProvider>
      <HydrateClient>
        <PageTitle lead={t("lead")}>{t("title")}</PageTitle>
        <Card className="mb-6">
          <SearchForm action="/admin/teams" label={t("searchLabel")} value={search} />
        </Card>
        <Suspense key={`${search}:${page}`} fallback={<ListSkeleton />}>
          <TeamAdminList search={search} page={page} />
        </Suspense>
      </HydrateClient>
    </TRPCReactProvider>
  );
}
