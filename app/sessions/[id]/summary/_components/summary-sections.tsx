import { getFormatter, getTranslations } from "next-intl/server";

import { isOverdue } from "~/server/actions/follow-through";

import { ResultsChart } from "../../../../_components/voting/results-chart";
import { methodLabel } from "../../../../_components/voting/method-labels";
import type { Summary } from "./summary-load";

/**
 * Calendar days (YYYY-MM-DD, UTC like the server's "today") and session days, in a fixed zone
 * so that the page and its printout say the same thing everywhere, in the reader's language.
 */
export async function getSummaryDates() {
  const format = await getFormatter();
  const date = (value: Date) => format.dateTime(value, { dateStyle: "medium", timeZone: "UTC" });
  return { date, day: (day: string) => date(new Date(`${day}T00:00:00Z`)) };
}

export function SummarySection({
  id,
  title,
  children,
}: {
  id: string;
  title: string;
  children: React.ReactNode;
}) {
  return (
    <section
      aria-labelledby={id}
      className="flex flex-col gap-3 rounded-2xl border border-line bg-surface p-5 sm:p-6 print:rounded-none print:border-0 print:p-0"
    >
      <h2 id={id} className="text-lg font-semibold print:text-base">
        {title}
      </h2>
      {children}
    </section>
  );
}

/** The results of each revealed round, with the chart every screen of the room showed. */
export async function SummaryRounds({ summary }: { summary: Summary }) {
  const t = await getTranslations("teams.summary");
  const common = await getTranslations("common");
  const adopted = new Set(summary.adopted.map((a) => a.practiceId));
  return (
    <SummarySection id="results-heading" title={t("results")}>
      {summary.rounds.length === 0 && <p className="text-muted">{t("noResults")}</p>}
      {summary.rounds.map((round) => (
        <div key={round.roundId} className="flex flex-col gap-2 break-inside-avoid">
          <h3 className="font-semibold">
            {t("round", { number: round.number, method: methodLabel(common, round.method) })}{" "}
            <span className="font-normal whitespace-nowrap text-muted">
              {t("ballots", { count: round.ballots })}
            </span>
          </h3>
          <ResultsChart
            results={round}
            titles={new Map(round.rows.map((row) => [row.practiceId, row.title]))}
            adopted={adopted}
          />
        </div>
      ))}
      {summary.unrevealedRounds > 0 && (
        <p className="text-sm text-muted">{t("unrevealed", { count: summary.unrevealedRounds })}</p>
      )}
    </SummarySection>
  );
}

export async function SummaryAdopted({ summary }: { summary: Summary }) {
  const t = await getTranslations("teams.summary");
  const dates = await getSummaryDates();
  return (
    <SummarySection id="adopted-heading" title={t("adoptedTitle")}>
      {summary.adopted.length === 0 ? (
        <p className="text-muted">{t("noAdopted")}</p>
      ) : (
        <ul className="flex flex-col gap-2">
          {summary.adopted.map((practice) => (
            <li key={practice.practiceId} className="flex flex-wrap items-baseline gap-x-3">
              <span className="font-medium break-words">{practice.title}</span>
              <span className="text-sm text-muted">
                {t.rich("adoptedOn", {
                  date: dates.date(practice.adoptedAt),
                  time: (chunks) => (
                    <time dateTime={practice.adoptedAt.toISOString()}>{chunks}</time>
                  ),
                })}
              </span>
            </li>
          ))}
        </ul>
      )}
    </SummarySection>
  );
}

const statusTone = {
  todo: "border border-line text-fg",
  doing: "bg-raised text-fg",
  done: "bg-ok-soft text-ok",
  dropped: "border border-line text-muted line-through",
} as const;

/** The actions the session agreed to, with owners, due dates and how they stand today. */
export async function SummaryActions({ summary }: { summary: Summary }) {
  const t = await getTranslations("teams");
  const dates = await getSummaryDates();
  const { dropped, merged, open } = summary.proposals;
  const aside = [
    dropped > 0 && t("summary.declined", { count: dropped }),
    merged > 0 && t("summary.merged", { count: merged }),
    open > 0 && t("summary.stillOpen", { count: open }),
  ].filter(Boolean);
  return (
    <SummarySection id="actions-heading" title={t("summary.actionsTitle")}>
      {summary.actions.length === 0 ? (
        <p className="text-muted">{t("summary.noActions")}</p>
      ) : (
        <ul className="flex flex-col divide-y divide-line" aria-label={t("summary.actionsLabel")}>
          {summary.actions.map((action) => {
            const overdue = isOverdue(action, summary.today);
            const status = t(`board.status.${action.status}`);
            return (
              <li
                key={action.id}
                className="flex flex-col gap-1 py-3 break-inside-avoid first:pt-0"
              >
                <span className="flex flex-wrap items-start justify-between gap-2">
                  <span className="min-w-0 font-medium break-words">{action.title}</span>
                  <span
                    className={`shrink-0 rounded-full px-2 py-0.5 text-xs font-semibold ${overdue ? "bg-danger-soft text-danger" : statusTone[action.status]}`}
                  >
                    {overdue ? t("summary.statusOverdue", { status }) : status}
                  </span>
                </span>
                <span className="text-sm text-muted">
                  {action.ownerName ?? t("summary.noOwner")} ·{" "}
                  {action.dueOn
                    ? t("summary.due", { date: dates.day(action.dueOn) })
                    : t("summary.noDueDate")}
                  {action.practiceTitle && <> · {action.practiceTitle}</>}
                </span>
              </li>
            );
          })}
        </ul>
      )}
      {aside.length > 0 && (
        <p className="text-sm text-muted">{t("summary.also", { list: aside.join(", ") })}</p>
      )}
    </SummarySection>
  );
}
