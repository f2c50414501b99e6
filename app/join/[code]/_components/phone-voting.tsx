"use client";

import { useTranslations } from "next-intl";

import type { RoomSnapshot } from "~/server/sessions/snapshot";

import { ResultsChart } from "../../../_components/voting/results-chart";
import { PhoneBallot } from "./phone-ballot";
import type { PhoneState } from "./phone-session";

function Waiting({ title, children }: { title: string; children: React.ReactNode }) {
  return (
    <section className="rounded-2xl border border-line bg-surface p-5">
      <h2 className="mb-2 text-xl font-bold">{title}</h2>
      <p className="text-muted">{children}</p>
    </section>
  );
}

/** Vote: the open round's ballot; between rounds, the latest results or a calm wait. */
export function PhoneVote({
  sessionId,
  room,
  state,
  roundAtLoad,
}: {
  sessionId: string;
  room: RoomSnapshot;
  state: PhoneState;
  roundAtLoad: string | null;
}) {
  const t = useTranslations("phone");
  const { round } = room.voting;
  if (round && round.status !== "revealed") {
    // A new round is a new ballot: nothing of the last round's draft or "voted" carries over.
    return (
      <PhoneBallot
        key={round.id}
        sessionId={sessionId}
        round={round}
        practices={state.content.practices}
        mayHaveBallot={round.id === roundAtLoad}
      />
    );
  }
  if (room.voting.results) return <PhoneResults room={room} state={state} />;
  return <Waiting title={t("voting.opensSoonTitle")}>{t("voting.opensSoonBody")}</Waiting>;
}

/** Results: the same ranked chart the big screen shows, with the adopted practices marked. */
export function PhoneResults({ room, state }: { room: RoomSnapshot; state: PhoneState }) {
  const t = useTranslations("phone");
  const tc = useTranslations("common");
  const { results, adoptedPracticeIds } = room.voting;
  if (!results) {
    return <Waiting title={t("voting.comingTitle")}>{t("voting.comingBody")}</Waiting>;
  }
  const titles = new Map(state.content.practices.map((p) => [p.id, p.title]));
  return (
    <section className="flex flex-col gap-3 rounded-2xl border border-line bg-surface p-4">
      {/* Announced by the phone's status region (phone-session.tsx) when revealed. */}
      <h2 className="text-xl font-bold">{t("voting.resultsTitle", { round: results.number })}</h2>
      <p className="text-sm text-muted">
        {t("voting.resultsMeta", {
          method: tc(`methods.${results.method}.label`),
          count: results.ballots,
        })}
      </p>
      <ResultsChart results={results} titles={titles} adopted={new Set(adoptedPracticeIds)} />
    </section>
  );
}
