"use client";

import { useTranslations } from "next-intl";
import { useSyncExternalStore } from "react";

import type { RoomSnapshot, SessionDetails } from "../../../facilitate/_lib/live-types";
import { methodInstructions, methodLabel } from "../../../_components/voting/method-labels";
import { ResultsChart } from "../../../_components/voting/results-chart";
import { useRowsThatFit } from "./use-rows-that-fit";

const big =
  "text-[length:clamp(1.75rem,min(7vw,12vh),8rem)] leading-[1.05] font-bold tracking-tight";
const lead = "text-[length:clamp(1rem,min(2.6vw,4vh),3rem)] text-muted";

/** Vote on the big screen: how many have voted, never what. */
export function TurnoutView({ snapshot }: { snapshot: RoomSnapshot }) {
  const t = useTranslations("present");
  const tc = useTranslations("common");
  const { round } = snapshot.voting;
  if (!round || round.status === "revealed") {
    return (
      <div className="flex h-full flex-col items-center justify-center gap-[3vh] text-center">
        <p className={big}>{t("voting.opensSoon")}</p>
        <p className={lead}>{t("voting.ballotOnPhone")}</p>
      </div>
    );
  }
  const eligible = Math.max(snapshot.participantCount, round.voted);
  const share = eligible === 0 ? 0 : round.voted / eligible;
  return (
    <div className="flex h-full flex-col items-center justify-center-safe gap-[4vh] text-center">
      <p className="text-[length:clamp(0.875rem,2.8vh,2.25rem)] font-semibold tracking-[0.2em] text-muted uppercase">
        {t.rich("voting.round", {
          number: round.number,
          method: methodLabel(tc, round.method),
          // Each part wraps as a whole, unless it alone is wider than the screen.
          part: (chunks) => <span className="inline-block max-w-full">{chunks}</span>,
        })}
      </p>
      <p className={`${lead} max-w-[40ch]`}>
        {round.status === "open" ? methodInstructions(tc, round) : t("voting.closed")}
      </p>
      <p aria-live="polite" className={big}>
        {t.rich("voting.voted", {
          voted: round.voted,
          eligible,
          n: (chunks) => <span className="tabular-nums">{chunks}</span>,
        })}
      </p>
      <div
        className="h-[2.5vh] min-h-2 w-[60vw] shrink-0 overflow-hidden rounded-full bg-raised max-sm:w-full"
        role="progressbar"
        aria-label={t("voting.turnout")}
        aria-valuemin={0}
        aria-valuemax={eligible}
        aria-valuenow={round.voted}
      >
        <div
          className="h-full rounded-full bg-accent transition-[width] duration-300"
          style={{ width: `${share * 100}%` }}
        />
      </div>
    </div>
  );
}

/** Results on the big screen: the ranked chart, adopted practices highlighted. */
export function ResultsView({
  details,
  snapshot,
}: {
  details: SessionDetails;
  snapshot: RoomSnapshot;
}) {
  const t = useTranslations("present");
  const { results, adoptedPracticeIds } = snapshot.voting;
  if (!results) {
    return (
      <div className="flex h-full flex-col items-center justify-center text-center">
        <p className={big}>{t("voting.resultsSoon")}</p>
      </div>
    );
  }
  return <RankedResults details={details} results={results} adopted={adoptedPracticeIds} />;
}

// Below Tailwind's `sm`: a phone, or a narrow window.
const narrowQuery = "(max-width: 639.98px)";
function subscribeNarrow(onChange: () => void) {
  const query = window.matchMedia(narrowQuery);
  query.addEventListener("change", onChange);
  return () => query.removeEventListener("change", onChange);
}

/**
 * Whether the screen is narrow: then the chart takes the phone's layout (the title on its own
 * line, the bar under it) instead of squeezing a title, a bar and a value into one line. The
 * server draws the big screen's.
 */
function useNarrowScreen() {
  return useSyncExternalStore(
    subscribeNarrow,
    () => window.matchMedia(narrowQuery).matches,
    () => false,
  );
}

function shortened(title: string, length: number) {
  return title.length <= length ? title : `${title.slice(0, length - 1).trimEnd()}…`;
}

type Results = NonNullable<RoomSnapshot["voting"]["results"]>;

/** The ranked chart, top rows first, as many as fit; the ones ranked lower are counted. */
function RankedResults({
  details,
  results,
  adopted,
}: {
  details: SessionDetails;
  results: Results;
  adopted: string[];
}) {
  const t = useTranslations("present");
  const tc = useTranslations("common");
  // A long title would make its row as tall as the screen: it ends early here (whole on phones).
  const titles = new Map(details.content.practices.map((p) => [p.id, shortened(p.title, 60)]));
  const { ref, hidden } = useRowsThatFit<HTMLDivElement>();
  const narrow = useNarrowScreen();
  return (
    // The full width (short of a very wide screen), so that each title keeps to one line and all
    // the rows of a usual ballot fit a 720 px screen.
    <div className="mx-auto flex h-full w-full max-w-[190vh] flex-col gap-[2vh]">
      <h2
        aria-live="polite"
        className="flex shrink-0 flex-wrap items-baseline gap-x-[1vw] text-[length:clamp(1.25rem,4.5vh,3.5rem)] leading-tight font-bold"
      >
        {/* Balanced, so that a narrow screen never leaves the round's number alone on a line. */}
        <span className="text-balance">{t("voting.resultsOf", { number: results.number })}</span>
        {/* A space for screen readers; the flex layout ignores it. */}{" "}
        <span className="text-[length:clamp(0.875rem,2.6vh,2rem)] font-normal text-muted">
          {t("voting.ballots", { method: methodLabel(tc, results.method), count: results.ballots })}
        </span>
      </h2>
      <div ref={ref} className="min-h-0 flex-1 overflow-hidden">
        <ResultsChart
          results={results}
          titles={titles}
          adopted={new Set(adopted)}
          size={narrow ? "phone" : "screen"}
        />
      </div>
      {/* Always takes its line, so that the chart's box doesn't change with what is counted. */}
      <p
        aria-hidden={hidden === 0 ? true : undefined}
        className={`shrink-0 text-[length:clamp(0.875rem,2.6vh,2rem)] text-muted ${hidden === 0 ? "invisible" : ""}`}
      >
        {t("voting.rankedLower", { count: hidden })}
      </p>
    </div>
  );
}
