import type { Metadata } from "next";
import Link from "next/link";
import { redirect } from "next/navigation";
import { Suspense } from "react";

import { getCurrentUser } from "~/server/auth/current-user";
import { mayFacilitate } from "~/server/auth/policy";

import { HydrateClient, prefetch, trpc } from "../_trpc/server";
import { TRPCReactProvider } from "../_trpc/client";
import { userRoleLabel } from "../_components/role-labels";
import { Alert, Card, PageTitle } from "../_components/ui";
import { ListSkeleton } from "../_components/list-skeleton";
import { TeamList } from "../teams/_components/team-list";
import { WorkshopLinks } from "./_components/home-lists";

export const metadata: Metadata = { title: "Home" };

export default async function HomePage({
  searchParams,
}: {
  searchParams: Promise<{ welcome?: string }>;
}) {
  const user = await getCurrentUser();
  if (!user) redirect("/sign-in?next=/home");
  const { welcome } = await searchParams;
  prefetch(trpc.team.list.queryOptions());
  prefetch(trpc.content.list.queryOptions());

  return (
    <TRPCReactProvider>
      <HydrateClient>
        <PageTitle lead={`Signed in as ${user.email} · ${userRoleLabel[user.role]}`}>
          Hello, {user.name}
        </PageTitle>
        {welcome === "admin" && (
          <div className="mb-6">
            <Alert tone="success">
              Practica is set up and you are its admin. The default workshop is in the{" "}
              <Link href="/library" className="font-semibold underline">
                library
              </Link>
              .
            </Alert>
          </div>
        )}
        <div className="grid gap-6 md:grid-cols-2">
          <Card>
            <h2 className="mb-3 text-lg font-semibold">Your teams</h2>
            <Suspense fallback={<ListSkeleton />}>
              <TeamList canCreate={mayFacilitate(user)} />
            </Suspense>
          </Card>
          <Card>
            <h2 className="mb-3 text-lg font-semibold">Workshops</h2>
            <Suspense fallback={<ListSkeleton />}>
              <WorkshopLinks />
            </Suspense>
          </Card>
        </div>
      </HydrateClient>
    </TRPCReactProvider>
  );
}
