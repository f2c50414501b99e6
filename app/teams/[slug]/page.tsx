import { TRPCError } from "@trpc/server";
import type { Metadata } from "next";
import Link from "next/link";
import { notFound, redirect } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { cache, Suspense } from "react";

import { env } from "~/server/env";

import { HydrateClient, prefetch, serverCaller, trpc } from "../../_trpc/server";
import { TRPCReactProvider } from "../../_trpc/client";
import { Alert, buttonClass, Card, PageTitle } from "../../_components/ui";
import { ListSkeleton } from "../../_components/list-skeleton";
import { DashboardPanel } from "./_components/dashboard-panel";
import { InvitePanel } from "./_components/invite-panel";
import { MemberList } from "./_components/member-list";
import { StartSessionForm } from "./_components/start-session-form";
import { TeamSessions } from "./_components/team-sessions";

/**
 * The team, if the caller may see it. Another team's slug and an unknown one both end in the
 * same 404, so the page never hints that a team exists.
 */
const loadTeam = cache(async (slug: string) => {
  try {
    return await (await serverCaller()).team.bySlug({ slug });
  } catch (error) {
    if (error instanceof TRPCError && error.code === "UNAUTHORIZED") {
      redirect(`/sign-in?next=${encodeURIComponent(`/teams/${slug}`)}`);
    }
    if (
      error instanceof TRPCError &&
      (error.code === "NOT_FOUND" || error.code === "BAD_REQUEST")
    ) {
      notFound();
    }
    throw error;
  }
});

type Props = {
  params: Promise<{ slug: string }>;
  searchParams: Promise<{ joined?: string }>;
};

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  return { title: (await loadTeam((await params).slug)).name };
}

const roleLead = {
  facilitator: "team.leadFacilitator",
  member: "team.leadMember",
} as const;

export default async function TeamPage({ params, searchParams }: Props) {
  const t = await getTranslations("teams");
  const team = await loadTeam((await params).slug);
  const { joined } = await searchParams;
  prefetch(trpc.team.members.queryOptions({ teamId: team.id }));
  prefetch(trpc.session.listForTeam.queryOptions({ teamId: team.id }));
  prefetch(trpc.dashboard.team.queryOptions({ teamId: team.id }));
  if (team.canManage) {
    prefetch(trpc.team.listInvites.queryOptions({ teamId: team.id }));
    prefetch(trpc.content.list.queryOptions());
  }

  // One card, placed first for facilitators and after the dashboard for members.
  const sessionsCard = (
    <Card className="min-w-0">
      <h2 className="mb-3 text-lg font-semibold">{t("team.sessions")}</h2>
      <Suspense fallback={<ListSkeleton />}>
        <TeamSessions teamId={team.id} canManage={team.canManage} />
      </Suspense>
    </Card>
  );
  return (
    <TRPCReactProvider>
      <HydrateClient>
        <nav aria-label={t("breadcrumb")} className="mb-2 text-sm">
          <Link href="/teams" className="text-muted underline-offset-4 hover:underline">
            {t("list.title")}
          </Link>
        </nav>
        <PageTitle lead={team.membership ? t(roleLead[team.membership]) : t("team.leadAdmin")}>
          {team.name}
        </PageTitle>
        <div className="-mt-3 mb-6 flex flex-wrap gap-2">
          <Link href={`/teams/${team.slug}/board`} className={buttonClass("secondary")}>
            {t("team.actionBoard")}
          </Link>
        </div>
        {(joined === "1" || joined === "already") && (
          <div className="mb-6">
            <Alert tone="success">
              {joined === "1"
                ? t("team.welcome", { team: team.name })
                : t("team.alreadyIn", { team: team.name })}
            </Alert>
          </div>
        )}
        {/* A facilitator comes here mostly to start a session: the form and the team's sessions
            come first for them. Members see how the team is doing first, then its sessions. */}
        {team.canManage && (
          <div className="mb-6 grid items-start gap-6 lg:grid-cols-2">
            {/* min-w-0: a long workshop title in the form's select can't widen the card past a phone. */}
            <Card className="min-w-0">
              <h2 id="start-session" className="mb-3 scroll-mt-6 text-lg font-semibold">
                {t("team.startSession")}
              </h2>
              <Suspense fallback={<ListSkeleton />}>
                <StartSessionForm teamId={team.id} teamName={team.name} />
              </Suspense>
            </Card>
            {sessionsCard}
          </div>
        )}
        <div className="mb-6">
          <Suspense fallback={<ListSkeleton />}>
            <DashboardPanel teamId={team.id} canManage={team.canManage} />
          </Suspense>
        </div>
        {!team.canManage && <div className="mb-6">{sessionsCard}</div>}
        <div className={team.canManage ? "grid items-start gap-6 lg:grid-cols-2" : "grid gap-6"}>
          <Card>
            <h2 className="mb-3 text-lg font-semibold">{t("team.members")}</h2>
            <Suspense fallback={<ListSkeleton />}>
              <MemberList teamId={team.id} />
            </Suspense>
          </Card>
          {team.canManage && (
            <Card>
              <h2 className="mb-1 text-lg font-semibold">{t("team.invitePeople")}</h2>
              <p className="mb-4 text-sm text-muted">{t("team.inviteLead", { team: team.name })}</p>
              <Suspense fallback={<ListSkeleton />}>
                <InvitePanel teamId={team.id} teamName={team.name} publicUrl={env.PUBLIC_URL} />
              </Suspense>
            </Card>
          )}
        </div>
      </HydrateClient>
    </TRPCReactProvider>
  );
}
