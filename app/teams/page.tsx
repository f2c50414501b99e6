import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { Suspense } from "react";

import { isAdmin, mayFacilitate } from "~/server/auth/policy";
import { getCurrentUser } from "~/server/auth/current-user";

import { HydrateClient, prefetch, trpc } from "../_trpc/server";
import { TRPCReactProvider } from "../_trpc/client";
import { Card, PageTitle } from "../_components/ui";
import { ListSkeleton } from "../_components/list-skeleton";
import { CreateTeamForm } from "./_components/create-team-form";
import { TeamList } from "./_components/team-list";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("teams");
  return { title: t("list.title") };
}

export default async function TeamsPage() {
  const t = await getTranslations("teams");
  const user = await getCurrentUser();
  if (!user) redirect("/sign-in?next=/teams");
  prefetch(trpc.team.list.queryOptions());
  const canCreate = mayFacilitate(user);

  return (
    <TRPCReactProvider>
      <HydrateClient>
        <PageTitle lead={isAdmin(user) ? t("list.leadAdmin") : t("list.leadMember")}>
          {t("list.title")}
        </PageTitle>
        <div
          className={
            canCreate ? "grid items-start gap-6 lg:grid-cols-[minmax(0,1fr)_22rem]" : "grid gap-6"
          }
        >
          <Card>
            <h2 className="mb-3 text-lg font-semibold">
              {isAdmin(user) ? t("list.allTeams") : t("list.yourTeams")}
            </h2>
            <Suspense fallback={<ListSkeleton />}>
              <TeamList canCreate={canCreate} />
            </Suspense>
          </Card>
          {canCreate && (
            <Card>
              <h2 className="mb-1 text-lg font-semibold">{t("list.createTitle")}</h2>
              <p className="mb-4 text-sm text-muted">{t("list.createLead")}</p>
              <CreateTeamForm />
            </Card>
          )}
        </div>
      </HydrateClient>
    </TRPCReactProvider>
  );
}
