import { useLocale, useTranslations } from "next-intl";
import type { ReactNode } from "react";

import type { RevealedResults } from "~/server/voting/state";

import { ratingMax } from "~/server/voting/ballot-rules";

import { formatAverage, formatGap, rankLabel } from "./method-labels";

type Size = "phone" | "screen";

const text: Record<Size, { title: string; small: string; bar: string; gap: string }> = {
  phone: { title: "text-base", small: "text-sm", bar: "h-3", gap: "gap-3" },
  screen: {
    title: "text-[length:clamp(1rem,2.6vh,2.25rem)]",
    small: "text-[length:clamp(0.875rem,2.3vh,1.5rem)]",
    bar: "h-[1.8vh] min-h-2",
    gap: "gap-[0.8vh]",
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

/* Wraps under the title when the row is full; breaks its word only when it alone is wider than
   the column (a 320 px phone with text at 200 %), rather than push the page sideways. */
function AdoptedBadge({ size }: { size: Size }) {
  const t = useTranslations("common");
  return (
    <span
      className={`${text[size].small} max-w-full rounded-full bg-ok-soft px-2 py-0.5 font-semibold [overflow-wrap:anywhere] text-ok`}
    >
      {t("chart.adopted")}
    </span>
  );
}

const rowLayout: Record<Size, string> = {
  // Phone: rank and title on one line, bars and value under the title.
  phone: "grid grid-cols-[2rem_minmax(0,1fr)_auto] items-center gap-x-2 gap-y-1",
  // Big screen: one line per practice, so eight practices fit 720 px without scrolling.
  screen:
    "grid grid-cols-[3ch_minmax(0,2fr)_minmax(0,3fr)_auto] items-center gap-x-[1.5vw] py-[0.6vh]",
};

/** One practice of a chart: rank, title (and adopted badge), bars for the eye, the value in words. */
function ChartRow({
  row,
  title,
  adopted,
  size,
  bars,
  value,
}: {
  row: { rank: number; tied: boolean };
  title: string;
  adopted: boolean;
  size: Size;
  bars: ReactNode;
  value: ReactNode;
}) {
  const t = useTranslations("common");
  const srOnly = (chunks: ReactNode) => <span className="sr-only">{chunks}</span>;
  return (
    <li
      className={`${rowLayout[size]} rounded-xl px-2 py-1.5 ${adopted ? "bg-ok-soft/60 ring-2 ring-ok" : ""}`}
    >
      <span className={`${text[size].title} text-right font-bold tabular-nums text-muted`}>
        {t.rich(row.tied ? "chart.rankTied" : "chart.rank", {
          rank: rankLabel(row),
          sr: srOnly,
        })}
      </span>
      <span
        className={`${text[size].title} flex min-w-0 flex-wrap items-center gap-x-2 gap-y-1 font-semibold`}
      >
        <span className="min-w-0 break-words">{title}</span>
        {adopted && <AdoptedBadge size={size} />}
      </span>
      <span aria-hidden="true" className={size === "phone" ? "col-start-2 row-start-2" : "min-w-0"}>
        {bars}
      </span>
      <span
        className={`${size === "phone" ? text.phone.small : text.screen.title} text-right tabular-nums ${size === "phone" ? "col-start-3 row-start-2" : ""}`}
      >
        {value}
      </span>
    </li>
  );
}

function Bar({ share, size, tone }: { share: number; size: Size; tone: "accent" | "muted" }) {
  return (
    <div className={`overflow-hidden rounded-full bg-raised ${text[size].bar}`}>
      <div
        className={`h-full rounded-full ${tone === "accent" ? "bg-accent" : "bg-muted"}`}
        style={{ width: `${Math.max(0, Math.min(1, share)) * 100}%` }}
      />
    </div>
  );
}

function ScoreChart({
  results,
  titles,
  adopted,
  size,
}: Required<ChartProps> & { results: Extract<RevealedResults, { method: "dots" | "approval" }> }) {
  const t = useTranslations("common");
  const top = Math.max(1, ...results.rows.map((row) => row.score));
  const unit = (score: number) =>
    results.method === "dots"
      ? t("chart.dots", { score })
      : t("chart.approvals", { score, ballots: results.ballots });
  return (
    <ol className={`flex flex-col ${text[size].gap}`}>
      {results.rows.map((row) => (
        <ChartRow
          key={row.practiceId}
          row={row}
          title={titles.get(row.practiceId) ?? t("chart.practice")}
          adopted={adopted.has(row.practiceId)}
          size={size}
          bars={<Bar share={row.score / top} size={size} tone="accent" />}
          value={unit(row.score)}
        />
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
  const t = useTranslations("common");
  const locale = useLocale();
  const share = (value: number | null) => (value === null ? 0 : value / ratingMax);
  return (
    <div className="flex flex-col gap-2">
      <p className={`${text[size].small} flex flex-wrap gap-x-4 text-muted`} aria-hidden="true">
        <span>
          <span className="mr-1 inline-block size-3 rounded-sm bg-muted align-middle" />
          {t("chart.today")}
        </span>
        <span>
          <span className="mr-1 inline-block size-3 rounded-sm bg-accent align-middle" />
          {t("chart.importance")}
        </span>
        <span>{t("chart.largestGapFirst")}</span>
      </p>
      <ol className={`flex flex-col ${text[size].gap}`}>
        {results.rows.map((row) => (
          <ChartRow
            key={row.practiceId}
            row={row}
            title={titles.get(row.practiceId) ?? t("chart.practice")}
            adopted={adopted.has(row.practiceId)}
            size={size}
            bars={
              <span className="flex flex-col gap-1">
                <Bar share={share(row.today)} size={size} tone="muted" />
                <Bar share={share(row.importance)} size={size} tone="accent" />
              </span>
            }
            value={t.rich("chart.maturityValue", {
              today: formatAverage(row.today, locale),
              importance: formatAverage(row.importance, locale),
              gap: formatGap(row.gap, locale),
              sr: (chunks) => <span className="sr-only">{chunks}</span>,
              arrow: (chunks) => <span aria-hidden="true">{chunks}</span>,
              block: (chunks) => <span className="block font-bold">{chunks}</span>,
            })}
          />
        ))}
      </ol>
    </div>
  );
}
