import { isOverdue } from "~/server/actions/follow-through";
import { actionStatusLabel } from "~/server/summary/markdown";

import { ResultsChart } from "../../../../_components/voting/results-chart";
import { methodLabels } from "../../../../_components/voting/method-labels";
import type { Summary } from "./summary-load";

// Calendar days (YYYY-MM-DD, UTC like the server's "today") and session days, in a fixed
// language and zone so that the page and its printout say the same thing everywhere.
const dayFormat = new Intl.DateTimeFormat("en", { dateStyle: "medium", timeZone: "UTC" });
export const formatDay = (day: string) => dayFormat.format(new Date(`${day}T00:00:00Z`));
export const formatDate = (date: Date) => dayFormat.format(date);

const plural = (count: number, one: string, many = `${one}s`) =>
  `${count} ${count === 1 ? one : many}`;

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
export function SummaryRounds({ summary }: { summary: Summary }) {
  const adopted = new Set(summary.adopted.map((a) => a.practiceId));
  return (
    <SummarySection id="results-heading" title="Results">
      {summary.rounds.length === 0 && (
        <p className="text-muted">No voting results were revealed in this session.</p>
      )}
      {summary.rounds.map((round) => (
        <div key={round.roundId} className="flex flex-col gap-2 break-inside-avoid">
          <h3 className="font-semibold">
            Round {round.number} · {methodLabels[round.method]}{" "}
            <span className="font-normal text-muted">· {plural(round.ballots, "ballot")}</span>
          </h3>
          <ResultsChart
            results={round}
            titles={new Map(round.rows.map((row) => [row.practiceId, row.title]))}
            adopted={adopted}
          />
        </div>
      ))}
      {summary.unrevealedRounds > 0 && (
        <p className="text-sm text-muted">
          {plural(summary.unrevealedRounds, "round was", "rounds were")} not revealed; their results
          stay hidden.
        </p>
      )}
    </SummarySection>
  );
}

export function SummaryAdopted({ summary }: { summary: Summary }) {
  return (
    <SummarySection id="adopted-heading" title="Adopted practices">
      {summary.adopted.length === 0 ? (
        <p className="text-muted">No practices were adopted in this session.</p>
      ) : (
        <ul className="flex flex-col gap-2">
          {summary.adopted.map((practice) => (
            <li key={practice.practiceId} className="flex flex-wrap items-baseline gap-x-3">
              <span className="font-medium break-words">{practice.title}</span>
              <span className="text-sm text-muted">
                adopted{" "}
                <time dateTime={practice.adoptedAt.toISOString()}>
                  {formatDate(practice.adoptedAt)}
                </time>
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
export function SummaryActions({ summary }: { summary: Summary }) {
  const { dropped, merged, open } = summary.proposals;
  const aside = [
    dropped > 0 && `${plural(dropped, "proposal")} declined`,
    merged > 0 && `${plural(merged, "duplicate")} merged`,
    open > 0 && `${plural(open, "proposal")} still open`,
  ].filter(Boolean);
  return (
    <SummarySection id="actions-heading" title="Actions">
      {summary.actions.length === 0 ? (
        <p className="text-muted">No actions were agreed in this session.</p>
      ) : (
        <ul className="flex flex-col divide-y divide-line" aria-label="Actions agreed">
          {summary.actions.map((action) => {
            const overdue = isOverdue(action, summary.today);
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
                    {actionStatusLabel(action, summary.today)}
                  </span>
                </span>
                <span className="text-sm text-muted">
                  {action.ownerName ?? "No owner"} ·{" "}
                  {action.dueOn ? <>due {formatDay(action.dueOn)}</> : "no due date"}
                  {action.practiceTitle && <> · {action.practiceTitle}</>}
                </span>
              </li>
            );
          })}
        </ul>
      )}
      {aside.length > 0 && <p className="text-sm text-muted">Also: {aside.join(", ")}.</p>}
    </SummarySection>
  );
}
