"use client";

import { useMutation } from "@tanstack/react-query";
import { useTranslations } from "next-intl";

import { Alert, buttonClass } from "../../../_components/ui";
import { methodInstructions, methodLabel } from "../../../_components/voting/method-labels";
import { ResultsChart } from "../../../_components/voting/results-chart";
import { useTRPC } from "../../../_trpc/client";
import type { ConsoleSnapshot, SessionDetails } from "../../_lib/live-types";
import { OpenRoundForm } from "./open-round-form";

type Round = NonNullable<ConsoleSnapshot["voting"]["round"]>;

function Turnout({ round, people }: { round: Round; people: number }) {
  const t = useTranslations("facilitate.voting");
  const eligible = Math.max(people, round.voted);
  return (
    <div className="flex flex-col gap-2">
      <p className="text-3xl font-bold tabular-nums" aria-live="polite">
        {t("turnout", { voted: round.voted, eligible })}
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
  const t = useTranslations("facilitate");
  const tc = useTranslations("common");
  const trpc = useTRPC();
  const close = useMutation(trpc.voting.close.mutationOptions());
  const reveal = useMutation(trpc.voting.reveal.mutationOptions());
  const { round } = live.voting;
  const ended = live.session.endedAt !== null;

  if (!round || round.status === "revealed") {
    return (
      <div className="flex flex-col gap-3">
        <p>{round ? t("voting.revealedLead", { round: round.number }) : t("voting.chooseLead")}</p>
        {!ended && <OpenRoundForm key={round?.id ?? "first"} details={details} />}
      </div>
    );
  }

  const roundId = round.id;
  const error = close.error?.message ?? reveal.error?.message;
  return (
    <div className="flex flex-col gap-4">
      <p className="text-muted">
        {t("voting.roundLine", {
          round: round.number,
          method: methodLabel(tc, round.method),
          count: round.practiceIds.length,
        })}{" "}
        {methodInstructions(tc, round)}
      </p>
      <Turnout round={round} people={live.participantCount} />
      <p className="text-sm text-muted">
        {round.status === "open" ? t("voting.openHint") : t("voting.closedHint")}
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
              {t("voting.closeVoting")}
            </button>
          )}
          <button
            type="button"
            className={buttonClass("primary")}
            disabled={reveal.isPending}
            onClick={() => reveal.mutate({ sessionId: details.id, roundId })}
          >
            {round.status === "open" ? t("voting.closeAndReveal") : t("voting.reveal")}
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
  const t = useTranslations("facilitate");
  const tc = useTranslations("common");
  const trpc = useTRPC();
  const adopt = useMutation(trpc.voting.adopt.mutationOptions());
  const { results, adoptedPracticeIds } = live.voting;
  const ended = live.session.endedAt !== null;
  if (!results) {
    return <p>{t.rich("voting.noResults", { strong: (chunks) => <strong>{chunks}</strong> })}</p>;
  }
  const titles = new Map(details.content.practices.map((p) => [p.id, p.title]));
  const adopted = new Set(adoptedPracticeIds);
  const leaders = results.rows.filter((row) => row.rank <= 3).map((row) => row.practiceId);

  return (
    <div className="flex flex-col gap-5">
      <div>
        <h3 className="text-lg font-semibold">
          {t("voting.resultsHeading", { round: results.number })}
        </h3>
        <p className="text-muted">
          {t("voting.resultsLead", {
            method: methodLabel(tc, results.method),
            ballots: results.ballots,
          })}
        </p>
      </div>
      <ResultsChart results={results} titles={titles} adopted={adopted} />
      <section className="flex flex-col gap-2" aria-labelledby="adopt-heading">
        <h3 id="adopt-heading" className="font-semibold">
          {t("voting.adoptHeading")}
        </h3>
        <p className="text-sm text-muted">{t("voting.adoptLead")}</p>
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
                  {isAdopted ? t("voting.adopted") : t("voting.adopt")}
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
          <summary className="cursor-pointer font-semibold">{t("voting.runAnother")}</summary>
          <p className="my-2 text-sm text-muted">{t("voting.runoffLead")}</p>
          <OpenRoundForm
            key={results.roundId}
            details={details}
            preselected={leaders.length >= 2 ? leaders : undefined}
            submitLabel={t("voting.openAnother")}
          />
        </details>
      )}
    </div>
  );
}
