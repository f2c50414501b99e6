"use client";

import { useMutation } from "@tanstack/react-query";

import { Alert, buttonClass } from "../../../_components/ui";
import { methodInstructions, methodLabels } from "../../../_components/voting/method-labels";
import { ResultsChart } from "../../../_components/voting/results-chart";
import { useTRPC } from "../../../_trpc/client";
import type { ConsoleSnapshot, SessionDetails } from "../../_lib/live-types";
import { OpenRoundForm } from "./open-round-form";

type Round = NonNullable<ConsoleSnapshot["voting"]["round"]>;

function Turnout({ round, people }: { round: Round; people: number }) {
  const eligible = Math.max(people, round.voted);
  return (
    <div className="flex flex-col gap-2">
      <p className="text-3xl font-bold tabular-nums" aria-live="polite">
        {round.voted} of {eligible} voted
      </p>
      <div className="h-3 overflow-hidden rounded-full bg-raised" aria-hidden="true">
        <div
          className="h-full rounded-full bg-accent transition-[width]"
          style={{ width: `${eligible === 0 ? 0 : (round.voted / eligible) * 100}%` }}
        />
      </div>
    </div>
  );
}

/** Vote: open a round, watch the turnout (never the tally), close it and reveal the results. */
export function VoteTasks({ details, live }: { details: SessionDetails; live: ConsoleSnapshot }) {
  const trpc = useTRPC();
  const close = useMutation(trpc.voting.close.mutationOptions());
  const reveal = useMutation(trpc.voting.reveal.mutationOptions());
  const { round } = live.voting;
  const ended = live.session.endedAt !== null;

  if (!round || round.status === "revealed") {
    return (
      <div className="flex flex-col gap-3">
        <p>
          {round
            ? `Round ${round.number} is revealed. Open another round, or move on to the results.`
            : "Choose how the room votes. The ballot appears on every phone the moment you open it."}
        </p>
        {!ended && <OpenRoundForm key={round?.id ?? "first"} details={details} />}
      </div>
    );
  }

  const roundId = round.id;
  const error = close.error?.message ?? reveal.error?.message;
  return (
    <div className="flex flex-col gap-4">
      <p className="text-muted">
        Round {round.number} · {methodLabels[round.method]} · {round.practiceIds.length} practices.{" "}
        {methodInstructions(round)}
      </p>
      <Turnout round={round} people={live.participantCount} />
      <p className="text-sm text-muted">
        {round.status === "open"
          ? "The tally stays hidden, from you too, until you reveal it. People can change their vote until you close voting."
          : "Voting is closed. Reveal the results to show them on every screen at once."}
      </p>
      {error && <Alert tone="error">{error}</Alert>}
      {!ended && (
        <div className="flex flex-wrap gap-2">
          {round.status === "open" && (
            <button
              type="button"
              className={buttonClass("secondary")}
              disabled={close.isPending}
              onClick={() => close.mutate({ sessionId: details.id, roundId })}
            >
              Close voting
            </button>
          )}
          <button
            type="button"
            className={buttonClass("primary")}
            disabled={reveal.isPending}
            onClick={() => reveal.mutate({ sessionId: details.id, roundId })}
          >
            {round.status === "open" ? "Close and reveal results" : "Reveal results"}
          </button>
        </div>
      )}
    </div>
  );
}

/** Results: the revealed chart, and the practices the team decides to adopt. */
export function ResultsTasks({
  details,
  live,
}: {
  details: SessionDetails;
  live: ConsoleSnapshot;
}) {
  const trpc = useTRPC();
  const adopt = useMutation(trpc.voting.adopt.mutationOptions());
  const { results, adoptedPracticeIds } = live.voting;
  const ended = live.session.endedAt !== null;
  if (!results) {
    return (
      <p>
        No results are revealed yet. Go back to <strong>Vote</strong> to open or reveal a round.
      </p>
    );
  }
  const titles = new Map(details.content.practices.map((p) => [p.id, p.title]));
  const adopted = new Set(adoptedPracticeIds);
  const leaders = results.rows.filter((row) => row.rank <= 3).map((row) => row.practiceId);

  return (
    <div className="flex flex-col gap-5">
      <div>
        <h3 className="text-lg font-semibold">Results of round {results.number}</h3>
        <p className="text-muted">
          {methodLabels[results.method]} · {results.ballots}{" "}
          {results.ballots === 1 ? "ballot" : "ballots"}. The same chart is on the big screen and
          every phone.
        </p>
      </div>
      <ResultsChart results={results} titles={titles} adopted={adopted} />
      <section className="flex flex-col gap-2" aria-labelledby="adopt-heading">
        <h3 id="adopt-heading" className="font-semibold">
          Adopt practices
        </h3>
        <p className="text-sm text-muted">
          What you adopt is highlighted on every screen and carries into the actions stage.
        </p>
        <ul className="flex flex-col gap-2">
          {results.rows.map((row) => {
            const isAdopted = adopted.has(row.practiceId);
            return (
              <li key={row.practiceId} className="flex items-center justify-between gap-3">
                <span className="min-w-0">{titles.get(row.practiceId)}</span>
                <button
                  type="button"
                  aria-pressed={isAdopted}
                  disabled={ended || adopt.isPending}
                  className={buttonClass(isAdopted ? "primary" : "secondary")}
                  onClick={() =>
                    adopt.mutate({
                      sessionId: details.id,
                      practiceId: row.practiceId,
                      adopted: !isAdopted,
                    })
                  }
                >
                  {isAdopted ? "Adopted ✓" : "Adopt"}
                  <span className="sr-only"> {titles.get(row.practiceId)}</span>
                </button>
              </li>
            );
          })}
        </ul>
        {adopt.error && <Alert tone="error">{adopt.error.message}</Alert>}
      </section>
      {!ended && (
        <details className="rounded-xl border border-line p-3">
          <summary className="cursor-pointer font-semibold">Run another round</summary>
          <p className="my-2 text-sm text-muted">
            A run-off among the leaders is ticked; change the ballot as you like.
          </p>
          <OpenRoundForm
            key={results.roundId}
            details={details}
            preselected={leaders.length >= 2 ? leaders : undefined}
            submitLabel="Open another round"
          />
        </details>
      )}
    </div>
  );
}
