import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { Suspense } from "react";

import { isAdmin, mayFacilitate } from "~/server/auth/policy";
import { getCurrentUser } from "~/server/auth/current-user";

import { HydrateClient, prefetch, trpc } from "../_trpc/server";
import { TRPCReactProvider } from "../_trpc/client";
import { Card, PageTitle } from "../_components/ui";
import { ListSkeleton } from "../_components/list-skeleton";
import { CreateTeamForm } from "./_components/create-team-form";
import { TeamList } from "./_components/team-list";

export const metadata: Metadata = { title: "Teams" };

export default async function TeamsPage() {
  const user = await getCurrentUser();
  if (!user) redirect("/sign-in?next=/teams");
  prefetch(trpc.team.list.queryOptions());
  const canCreate = mayFacilitate(user);

  return (
    <TRPCReactProvider>
      <HydrateClient>
        <PageTitle
          lead={
            isAdmin(user)
              ? "Every team on this install. As an admin you can open any of them."
              : "The teams you belong to."
          }
        >
          Teams
        </PageTitle>
        <div
          className={
            canCreate ? "grid items-start gap-6 lg:grid-cols-[minmax(0,1fr)_22rem]" : "grid gap-6"
          }
        >
          <Card>
            <h2 className="mb-3 text-lg font-semibold">
              {isAdmin(user) ? "All teams" : "Your teams"}
            </h2>
            <Suspense fallback={<ListSkeleton />}>
              <TeamList canCreate={canCreate} />
            </Suspense>
          </Card>
          {canCreate && (
            <Card>
              <h2 className="mb-1 text-lg font-semibold">Create a team</h2>
              <p className="mb-4 text-sm text-muted">
                You become its facilitator and can invite people with a link.
              </p>
              <CreateTeamForm />
            </Card>
          )}
        </div>
      </HydrateClient>
    </TRPCReactProvider>
  );
}
