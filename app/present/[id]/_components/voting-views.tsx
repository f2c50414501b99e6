"use client";

import type { RoomSnapshot, SessionDetails } from "../../../facilitate/_lib/live-types";
import { methodInstructions, methodLabels } from "../../../_components/voting/method-labels";
import { ResultsChart } from "../../../_components/voting/results-chart";
import { useRowsThatFit } from "./use-rows-that-fit";

const big =
  "text-[length:clamp(2.5rem,min(7vw,12vh),8rem)] leading-[1.05] font-bold tracking-tight";
const lead = "text-[length:clamp(1.25rem,min(2.6vw,4vh),3rem)] text-muted";

/** Vote on the big screen: how many have voted, never what. */
export function TurnoutView({ snapshot }: { snapshot: RoomSnapshot }) {
  const { round } = snapshot.voting;
  if (!round || round.status === "revealed") {
    return (
      <div className="flex h-full flex-col items-center justify-center gap-[3vh] text-center">
        <p className={big}>Voting opens soon.</p>
        <p className={lead}>The ballot appears on your phone by itself.</p>
      </div>
    );
  }
  const eligible = Math.max(snapshot.participantCount, round.voted);
  const share = eligible === 0 ? 0 : round.voted / eligible;
  return (
    <div className="flex h-full flex-col items-center justify-center gap-[4vh] text-center">
      <p className="text-[length:clamp(1rem,2.8vh,2.25rem)] font-semibold tracking-[0.2em] text-muted uppercase">
        Round {round.number} · {methodLabels[round.method]}
      </p>
      <p className={`${lead} max-w-[40ch]`}>
        {round.status === "open" ? methodInstructions(round) : "Voting has closed. Results next."}
      </p>
      <p aria-live="polite" className={big}>
        <span className="tabular-nums">{round.voted}</span> of{" "}
        <span className="tabular-nums">{eligible}</span> voted
      </p>
      <div
        className="h-[2.5vh] w-[60vw] overflow-hidden rounded-full bg-raised"
        role="progressbar"
        aria-label="Turnout"
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
  const { results, adoptedPracticeIds } = snapshot.voting;
  if (!results) {
    return (
      <div className="flex h-full flex-col items-center justify-center text-center">
        <p className={big}>Results are coming up.</p>
      </div>
    );
  }
  return <RankedResults details={details} results={results} adopted={adoptedPracticeIds} />;
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
  // A long title would make its row as tall as the screen: it ends early here (whole on phones).
  const titles = new Map(details.content.practices.map((p) => [p.id, shortened(p.title, 60)]));
  const { ref, hidden } = useRowsThatFit<HTMLDivElement>();
  return (
    <div className="mx-auto flex h-full max-w-[110vh] flex-col gap-[2vh]">
      <h2
        aria-live="polite"
        className="shrink-0 text-[length:clamp(1.5rem,4.5vh,3.5rem)] font-bold"
      >
        Results of round {results.number}
        <span className="ml-[1vw] text-[length:clamp(1rem,2.6vh,2rem)] font-normal text-muted">
          {methodLabels[results.method]} · {results.ballots}{" "}
          {results.ballots === 1 ? "ballot" : "ballots"}
        </span>
      </h2>
      <div ref={ref} className="min-h-0 flex-1 overflow-hidden">
        <ResultsChart results={results} titles={titles} adopted={new Set(adopted)} size="screen" />
      </div>
      {/* Always takes its line, so that the chart's box doesn't change with what is counted. */}
      <p
        aria-hidden={hidden === 0 ? true : undefined}
        className={`shrink-0 text-[length:clamp(1rem,2.6vh,2rem)] text-muted ${hidden === 0 ? "invisible" : ""}`}
      >
        and {hidden} more {hidden === 1 ? "practice" : "practices"} ranked lower, on your phones
      </p>
    </div>
  );
}
