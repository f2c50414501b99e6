import { useLocale, useTranslations } from "next-intl";
import type { ReactNode } from "react";

import type { RevealedResults } from "~/server/voting/state";

import { ratingMax } from "~/server/voting/ballot-rules";

import { formatAverage, formatGap } from "./method-labels";

type Size = "phone" | "screen";

const text: Record<Size, { title: string; small: string; bar: string; gap: string }> = {
  phone: { title: "text-base", small: "text-sm", bar: "h-3", gap: "gap-y-3" },
  screen: {
    title: "text-[length:clamp(1rem,2.6vh,2.25rem)]",
    small: "text-[length:clamp(0.875rem,2.3vh,1.5rem)]",
    bar: "h-[1.8vh] min-h-2",
    gap: "gap-y-[0.8vh]",
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

/*
 * The list is the grid and every row a subgrid of it, so the rank and value columns take the
 * width of their widest cell in the whole chart: every row's bars start and end at the same x,
 * whether a row says "1 dot" or "12 dots".
 */
const listLayout: Record<Size, string> = {
  // Phone: rank and title on one line, bars and value under the title.
  phone: "grid grid-cols-[auto_minmax(0,1fr)_auto] gap-x-2",
  // Big screen: one line per practice, so eight practices fit 720 px without scrolling.
  screen: "grid grid-cols-[auto_minmax(0,2fr)_minmax(0,3fr)_auto] gap-x-[1.5vw]",
};

const rowLayout: Record<Size, string> = {
  phone: "col-span-full grid grid-cols-subgrid items-center gap-y-1",
  screen: "col-span-full grid grid-cols-subgrid items-center py-[0.6vh]",
};

/**
 * A plain rank number, with a small "tied" under it on a phone when other practices share it
 * (the big screen repeats the number). A practice nobody voted for has no rank: a dash, and its value says why.
 */
function RankCell({
  row,
  ranked,
  size,
}: {
  row: { rank: number; tied: boolean };
  ranked: boolean;
  size: Size;
}) {
  const t = useTranslations("common");
  const phone = size === "phone";
  return (
    <span
      className={`${text[size].title} min-w-[3ch] font-bold whitespace-nowrap tabular-nums text-muted ${phone ? "row-span-2 self-start text-right" : ""}`}
    >
      {ranked ? (
        t.rich(row.tied ? "chart.rankTied" : "chart.rank", {
          rank: row.rank,
          sr: (chunks) => <span className="sr-only">{chunks}</span>,
          // On the big screen the numbers line up whether or not a "tied" follows them.
          n: (chunks) => (
            <span className={phone ? "" : "inline-block min-w-[2ch] text-right"}>{chunks}</span>
          ),
          // The big screen shows ties as repeated numbers (1, 1, 3) and says "tied" only to
          // screen readers: a word beside the rank would narrow every title on the wall.
          tied: (chunks) => (
            <span className={phone ? "block text-xs font-semibold" : "sr-only"}>{chunks}</span>
          ),
        })
      ) : (
        <>
          <span aria-hidden="true" className={phone ? "" : "inline-block min-w-[2ch] text-right"}>
            –
          </span>
          <span className="sr-only">{t("chart.unranked")}</span>
        </>
      )}
    </span>
  );
}

/** One practice of a chart: rank, title (and adopted badge), bars for the eye, the value in words. */
function ChartRow({
  row,
  ranked,
  title,
  adopted,
  size,
  bars,
  value,
  valueBelow = false,
}: {
  row: { rank: number; tied: boolean };
  ranked: boolean;
  title: string;
  adopted: boolean;
  size: Size;
  bars: ReactNode;
  value: ReactNode;
  /** Phone only: the value takes its own line under the bars, which then fill the row. */
  valueBelow?: boolean;
}) {
  const phone = size === "phone";
  return (
    <li
      className={`${rowLayout[size]} rounded-xl px-2 py-1.5 ${adopted ? "bg-ok-soft/60 ring-2 ring-ok" : ""}`}
    >
      <RankCell row={row} ranked={ranked} size={size} />
      <span
        className={`${text[size].title} flex min-w-0 flex-wrap items-center gap-x-2 gap-y-1 font-semibold ${phone ? "col-span-2" : ""}`}
      >
        <span className="min-w-0 break-words">{title}</span>
        {adopted && <AdoptedBadge size={size} />}
      </span>
      <span
        aria-hidden="true"
        className={phone ? `col-start-2 row-start-2 ${valueBelow ? "col-span-2" : ""}` : "min-w-0"}
      >
        {bars}
      </span>
      <span
        className={
          phone
            ? `${text.phone.small} ${valueBelow ? "col-span-2 col-start-2 row-start-3" : "col-start-3 row-start-2 text-right"} tabular-nums`
            : `${text.screen.title} text-right tabular-nums`
        }
      >
        {value}
      </span>
    </li>
  );
}

function Bar({ share, size, tone }: { share: number; size: Size; tone: "accent" | "muted" }) {
  // The track's outline keeps an empty bar visible in the dark theme, where `raised` is close
  // to the card's own colour.
  return (
    <div
      className={`overflow-hidden rounded-full bg-raised ring-1 ring-line ring-inset ${text[size].bar}`}
    >
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
    <ol className={`${listLayout[size]} ${text[size].gap}`}>
      {results.rows.map((row) => (
        <ChartRow
          key={row.practiceId}
          row={row}
          ranked={row.score > 0}
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
      {/* What the chart is, then the key to its two bars: the key holds nothing else. */}
      <div
        className={`${text[size].small} flex flex-wrap items-center justify-between gap-x-4 gap-y-1 text-muted`}
      >
        <p>{t("chart.maturitySubtitle", { max: ratingMax })}</p>
        <p className="flex flex-wrap gap-x-4" aria-hidden="true">
          <span>
            <span className="mr-1 inline-block size-3 rounded-sm bg-muted align-middle" />
            {t("chart.today")}
          </span>
          <span>
            <span className="mr-1 inline-block size-3 rounded-sm bg-accent align-middle" />
            {t("chart.importance")}
          </span>
        </p>
      </div>
      <ol className={`${listLayout[size]} ${text[size].gap}`}>
        {results.rows.map((row) => (
          <ChartRow
            key={row.practiceId}
            row={row}
            ranked={row.gap !== null}
            title={titles.get(row.practiceId) ?? t("chart.practice")}
            adopted={adopted.has(row.practiceId)}
            size={size}
            valueBelow
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
              sep: (chunks) => <span aria-hidden="true">{chunks}</span>,
              // Between the ratings and the gap: a line break does that job on the big screen.
              then: (chunks) =>
                size === "phone" ? <span aria-hidden="true">{chunks}</span> : null,
              ratings: (chunks) => (
                <span
                  className={
                    size === "phone" ? "text-muted" : `${text.screen.small} block text-muted`
                  }
                >
                  {chunks}
                </span>
              ),
              gapText: (chunks) => (
                <span className={`font-bold ${size === "phone" ? "" : "block"}`}>{chunks}</span>
              ),
            })}
          />
        ))}
      </ol>
    </div>
  );
}
