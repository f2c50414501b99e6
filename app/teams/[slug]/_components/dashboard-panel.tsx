"use client";

import { useSuspenseQuery } from "@tanstack/react-query";
import { useTranslations } from "next-intl";

import { Card } from "../../../_components/ui";
import { useTRPC } from "../../../_trpc/client";
import { FollowThroughChart } from "./dashboard-follow-through";
import { MaturityTrendCharts } from "./dashboard-maturity";
import { useDashboardFormat, type Dashboard } from "./dashboard-shared";
import { AdoptionTimeline } from "./dashboard-timelines";

/**
 * The team dashboard: sessions held, practices adopted, follow-through of the actions agreed
 * and the maturity of each practice over time. The first thing a member sees on the team page.
 */
export function DashboardPanel({ teamId, canManage }: { teamId: string; canManage: boolean }) {
  const t = useTranslations("teams.dashboard");
  const trpc = useTRPC();
  const { data } = useSuspenseQuery(trpc.dashboard.team.queryOptions({ teamId }));

  if (data.sessions.length === 0) {
    return (
      <Card>
        <h2 className="mb-2 text-lg font-semibold">{t("title")}</h2>
        <p className="text-muted">
          {canManage
            ? t.rich("emptyCanManage", {
                link: (chunks) => (
                  <a href="#start-session" className="text-accent underline underline-offset-4">
                    {chunks}
                  </a>
                ),
              })
            : t("emptyMember")}
        </p>
      </Card>
    );
  }

  return (
    <section aria-labelledby="dashboard-heading" className="flex flex-col gap-6">
      <h2 id="dashboard-heading" className="sr-only">
        {t("title")}
      </h2>
      <DashboardStats data={data} />
      <div className="grid items-start gap-6 lg:grid-cols-2">
        <Card>
          <FollowThroughChart counts={data.followThrough} />
        </Card>
        <Card>
          <AdoptionTimeline adoptions={data.adoptions} />
        </Card>
      </div>
      <Card>
        <MaturityTrendCharts
          trend={data.maturity}
          adopted={new Set(data.adoptions.map((a) => a.practiceId))}
        />
      </Card>
    </section>
  );
}

function DashboardStats({ data }: { data: Dashboard }) {
  const t = useTranslations("teams.dashboard");
  const format = useDashboardFormat();
  const adopted = new Set(data.adoptions.map((a) => a.practiceId)).size;
  const adoptingSessions = new Set(data.adoptions.map((a) => a.sessionId)).size;
  const { doneOnTime, doneLate, total } = data.followThrough;
  const done = doneOnTime + doneLate;
  const last = data.sessions.at(-1)!;
  const stats = [
    {
      label: t("sessionsHeld"),
      value: format.number(data.sessions.length),
      detail: t("latest", { date: format.date(last.createdAt) }),
    },
    {
      label: t("practicesAdopted"),
      value: format.number(adopted),
      detail: t("adoptedIn", { count: adoptingSessions }),
    },
    { label: t("actionsAgreed"), value: format.number(total), detail: t("done", { count: done }) },
    {
      label: t("doneOnTime"),
      value: done > 0 ? format.percent(doneOnTime, done) : t("noValue"),
      detail: done > 0 ? t("doneOnTimeOf", { onTime: doneOnTime, done }) : t("nothingDone"),
    },
  ];
  return (
    <dl className="grid grid-cols-2 gap-3 sm:grid-cols-4">
      {stats.map((stat) => (
        <div
          key={stat.label}
          className="flex flex-col rounded-2xl border border-line bg-surface px-4 py-3"
        >
          <dt className="text-sm text-muted">{stat.label}</dt>
          <dd className="order-first text-2xl font-bold tabular-nums">{stat.value}</dd>
          <dd className="text-sm text-muted">{stat.detail}</dd>
        </div>
      ))}
    </dl>
  );
}
