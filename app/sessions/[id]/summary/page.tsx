import type { Metadata } from "next";
import Link from "next/link";
import { getFormatter, getTranslations } from "next-intl/server";

import { buttonClass } from "../../../_components/ui";
import { PrintButton } from "./_components/print-button";
import { loadSummary } from "./_components/summary-load";
import {
  getSummaryDates,
  SummaryActions,
  SummaryAdopted,
  SummaryRounds,
} from "./_components/summary-sections";

type Props = { params: Promise<{ id: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const summary = await loadSummary((await params).id);
  const t = await getTranslations("teams.summary");
  return { title: t("metaTitle", { title: summary.session.title }) };
}

/**
 * What a session decided, for the team: who took part, the results, the practices adopted and
 * the actions agreed. Prints as a clean page or two (see the print section of globals.css) and
 * downloads as Markdown.
 */
export default async function SessionSummaryPage({ params }: Props) {
  const { id } = await params;
  const summary = await loadSummary(id);
  const t = await getTranslations("teams");
  const format = await getFormatter();
  const dates = await getSummaryDates();
  const { session, team, workshop } = summary;
  const stats = [
    { label: t("summary.tookPart"), value: summary.participants },
    { label: t("summary.practicesAdopted"), value: summary.adopted.length },
    { label: t("summary.actionsAgreed"), value: summary.actions.length },
    { label: t("summary.notesWritten"), value: summary.notes },
  ];

  return (
    <article data-printable="summary" className="flex flex-col gap-6 print:gap-4">
      <nav aria-label={t("breadcrumb")} className="text-sm print:hidden">
        <Link href="/teams" className="text-muted underline-offset-4 hover:underline">
          {t("list.title")}
        </Link>
        <span aria-hidden="true" className="mx-2 text-muted">
          /
        </span>
        <Link
          href={`/teams/${team.slug}`}
          className="text-muted underline-offset-4 hover:underline"
        >
          {team.name}
        </Link>
      </nav>
      <header className="flex flex-col gap-2">
        <p className="text-sm font-medium text-muted">
          {t("summary.eyebrow", { team: team.name })}
        </p>
        <h1 className="text-2xl font-bold tracking-tight break-words sm:text-3xl">
          {session.title}
        </h1>
        <p className="flex flex-wrap items-center gap-x-2 gap-y-1 text-muted">
          <time dateTime={session.createdAt.toISOString()}>{dates.date(session.createdAt)}</time>
          <span aria-hidden="true">·</span>
          {session.endedAt ? (
            <span className="rounded-full border border-line px-2.5 py-0.5 text-sm">
              {t("summary.ended")}
            </span>
          ) : (
            <span className="rounded-full bg-ok-soft px-2.5 py-0.5 text-sm font-medium text-ok print:bg-transparent">
              {t("summary.live")}
            </span>
          )}
          {/* The dot travels with the workshop: a wrap never leaves it dangling at a line's end. */}
          <span>
            <span aria-hidden="true" className="mr-2">
              ·
            </span>
            {t("summary.workshopVersion", { title: workshop.title, version: workshop.version })}
          </span>
        </p>
      </header>

      <div className="flex flex-wrap gap-2 print:hidden">
        <PrintButton />
        {/* A plain link: the route handler answers with a file, not a page to prefetch. */}
        <a
          href={`/sessions/${session.id}/summary/markdown`}
          download
          className={buttonClass("secondary")}
        >
          {t("summary.downloadMarkdown")}
        </a>
        <Link href={`/teams/${team.slug}`} className={buttonClass("secondary")}>
          {t("summary.backTo", { team: team.name })}
        </Link>
      </div>

      <dl className="grid grid-cols-2 gap-3 sm:grid-cols-4 print:grid-cols-4 print:gap-2">
        {stats.map((stat) => (
          <div
            key={stat.label}
            className="flex flex-col rounded-2xl border border-line bg-surface px-4 py-3 print:rounded-md print:px-2 print:py-1"
          >
            <dt className="text-sm text-muted">{stat.label}</dt>
            <dd className="order-first text-2xl font-bold tabular-nums print:text-lg">
              {format.number(stat.value)}
            </dd>
          </div>
        ))}
      </dl>

      <SummaryRounds summary={summary} />
      <div className="grid items-start gap-6 lg:grid-cols-2 print:grid-cols-1 print:gap-4">
        <SummaryAdopted summary={summary} />
        <SummaryActions summary={summary} />
      </div>
    </article>
  );
}
