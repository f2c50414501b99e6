import type { RevealedResults } from "~/server/voting/state";

import { formatAverage, formatGap, rankLabel } from "./method-labels";

type Size = "phone" | "screen";

const text: Record<Size, { title: string; small: string; bar: string; gap: string }> = {
  phone: { title: "text-base", small: "text-sm", bar: "h-3", gap: "gap-3" },
  screen: {
    title: "text-[length:clamp(1rem,2.6vh,2.25rem)]",
    small: "text-[length:clamp(0.875rem,2vh,1.5rem)]",
    bar: "h-[1.6vh] min-h-2",
    gap: "gap-[1.4vh]",
  },
};

interface ChartProps {
  results: RevealedResults;
  titles: ReadonlyMap<string, string>;
  adopted: ReadonlySet<string>;
  size?: Size;
}

/**
 * A round's results as a ranked chart. It is an ordered list whose text carries every number
 * (rank, value, ties), so screen readers get the same facts; the bars are drawn for the eye only.
 */
export function ResultsChart({ results, titles, adopted, size = "phone" }: ChartProps) {
  return results.method === "maturity" ? (
    <MaturityChart results={results} titles={titles} adopted={adopted} size={size} />
  ) : (
    <ScoreChart results={results} titles={titles} adopted={adopted} size={size} />
  );
}

function AdoptedBadge({ size }: { size: Size }) {
  return (
    <span
      className={`${text[size].small} shrink-0 rounded-full bg-ok-soft px-2 py-0.5 font-semibold text-ok`}
    >
      Adopted
    </span>
  );
}

function RowTitle({
  rank,
  title,
  adopted,
  size,
}: {
  rank: string;
  title: string;
  adopted: boolean;
  size: Size;
}) {
  return (
    <div className={`flex items-baseline gap-2 ${text[size].title}`}>
      <span
        className="w-8 shrink-0 text-right font-bold tabular-nums text-muted"
        aria-label={`rank ${rank}`}
      >
        {rank}
      </span>
      <span className="min-w-0 flex-1 font-semibold break-words">{title}</span>
      {adopted && <AdoptedBadge size={size} />}
    </div>
  );
}

function ScoreChart({
  results,
  titles,
  adopted,
  size,
}: Required<ChartProps> & { results: Extract<RevealedResults, { method: "dots" | "approval" }> }) {
  const top = Math.max(1, ...results.rows.map((row) => row.score));
  const unit = (score: number) =>
    results.method === "dots"
      ? `${score} ${score === 1 ? "dot" : "dots"}`
      : `${score} of ${results.ballots} approve`;
  return (
    <ol className={`flex flex-col ${text[size].gap}`}>
      {results.rows.map((row) => (
        <li
          key={row.practiceId}
          className={`flex flex-col gap-1 rounded-xl px-2 py-1.5 ${adopted.has(row.practiceId) ? "bg-ok-soft/60 ring-2 ring-ok" : ""}`}
        >
          <RowTitle
            rank={rankLabel(row)}
            title={titles.get(row.practiceId) ?? "Practice"}
            adopted={adopted.has(row.practiceId)}
            size={size}
          />
          <div className="flex items-center gap-2 pl-10">
            <div
              className={`flex-1 overflow-hidden rounded-full bg-raised ${text[size].bar}`}
              aria-hidden="true"
            >
              <div
                className="h-full rounded-full bg-accent"
                style={{ width: `${(row.score / top) * 100}%` }}
              />
            </div>
            <span className={`${text[size].small} w-[9ch] shrink-0 text-right tabular-nums`}>
              {unit(row.score)}
              {row.tied && <span className="sr-only"> (tied)</span>}
            </span>
          </div>
        </li>
      ))}
    </ol>
  );
}

/** Today and importance on the same 1–5 scale, so the gap between the two bars is visible. */
function MaturityChart({
  results,
  titles,
  adopted,
  size,
}: Required<ChartProps> & { results: Extract<RevealedResults, { method: "maturity" }> }) {
  const width = (value: number | null) => `${value === null ? 0 : (value / 5) * 100}%`;
  return (
    <div className="flex flex-col gap-2">
      <p className={`${text[size].small} flex flex-wrap gap-x-4 text-muted`} aria-hidden="true">
        <span>
          <span className="mr-1 inline-block size-3 rounded-sm bg-muted align-middle" />
          Today
        </span>
        <span>
          <span className="mr-1 inline-block size-3 rounded-sm bg-accent align-middle" />
          Importance
        </span>
        <span>Largest gap first</span>
      </p>
      <ol className={`flex flex-col ${text[size].gap}`}>
        {results.rows.map((row) => (
          <li
            key={row.practiceId}
            className={`flex flex-col gap-1 rounded-xl px-2 py-1.5 ${adopted.has(row.practiceId) ? "bg-ok-soft/60 ring-2 ring-ok" : ""}`}
          >
            <RowTitle
              rank={rankLabel(row)}
              title={titles.get(row.practiceId) ?? "Practice"}
              adopted={adopted.has(row.practiceId)}
              size={size}
            />
            <div className="flex items-center gap-2 pl-10">
              <div className="flex flex-1 flex-col gap-1" aria-hidden="true">
                <div className={`overflow-hidden rounded-full bg-raised ${text[size].bar}`}>
                  <div
                    className="h-full rounded-full bg-muted"
                    style={{ width: width(row.today) }}
                  />
                </div>
                <div className={`overflow-hidden rounded-full bg-raised ${text[size].bar}`}>
                  <div
                    className="h-full rounded-full bg-accent"
                    style={{ width: width(row.importance) }}
                  />
                </div>
              </div>
              <span className={`${text[size].small} w-[12ch] shrink-0 text-right tabular-nums`}>
                <span className="sr-only">today </span>
                {formatAverage(row.today)}
                <span aria-hidden="true"> → </span>
                <span className="sr-only">, importance </span>
                {formatAverage(row.importance)}
                <span className="block font-bold">
                  gap {formatGap(row.gap)}
                  {row.tied && <span className="sr-only"> (tied)</span>}
                </span>
              </span>
            </div>
          </li>
        ))}
      </ol>
    </div>
  );
}
