import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { redirect } from "next/navigation";
import { Suspense } from "react";

import { getCurrentUser } from "~/server/auth/current-user";
import { mayFacilitate } from "~/server/auth/policy";

import { HydrateClient, prefetch, trpc } from "../_trpc/server";
import { TRPCReactProvider } from "../_trpc/client";
import { userRoleLabel } from "../_components/role-labels";
import { JoinCodeForm } from "../_components/join-code-form";
import { Alert, Card, PageTitle } from "../_components/ui";
import { ListSkeleton } from "../_components/list-skeleton";
import { TeamList } from "../teams/_components/team-list";
import { WorkshopLinks } from "./_components/home-lists";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("home.home");
  return { title: t("title") };
}

export default async function HomePage({
  searchParams,
}: {
  searchParams: Promise<{ welcome?: string }>;
}) {
  const user = await getCurrentUser();
  if (!user) redirect("/sign-in?next=/home");
  const { welcome } = await searchParams;
  const [t, tc] = await Promise.all([getTranslations("home.home"), getTranslations("common")]);
  prefetch(trpc.team.list.queryOptions());
  prefetch(trpc.content.list.queryOptions());

  return (
    <TRPCReactProvider>
      <HydrateClient>
        <PageTitle
          lead={t("signedInAs", { email: user.email, role: userRoleLabel(tc, user.role) })}
        >
          {t("hello", { name: user.name })}
        </PageTitle>
        {welcome === "admin" && (
          <div className="mb-6">
            <Alert tone="success">
              {t.rich("welcomeAdmin", {
                link: (chunks) => (
                  <Link href="/library" className="font-semibold underline">
                    {chunks}
                  </Link>
                ),
              })}
            </Alert>
          </div>
        )}
        {/* In the room, a signed-in member joins the session's vote like anyone: by its code. */}
        <Card className="mb-6 max-w-xl">
          <JoinCodeForm />
        </Card>
        <div className="grid gap-6 md:grid-cols-2">
          <Card>
            <h2 className="mb-3 text-lg font-semibold">{t("yourTeams")}</h2>
            <Suspense fallback={<ListSkeleton />}>
              <TeamList canCreate={mayFacilitate(user)} />
            </Suspense>
          </Card>
          <Card>
            <h2 className="mb-3 text-lg font-semibold">{t("workshops")}</h2>
            <Suspense fallback={<ListSkeleton />}>
              <WorkshopLinks />
            </Suspense>
          </Card>
        </div>
      </HydrateClient>
    </TRPCReactProvider>
  );
}
