"use client";

import { useEffect, useRef, useState } from "react";

import { methodInstructions } from "../../../_components/voting/method-labels";
import { Alert, buttonClass } from "../../../_components/ui";
import { ApprovalToggle, DotStepper, RatingScale } from "./ballot-marks";
import { errorMessage, phoneClient } from "./phone-client";
import type { DraftMarks, OpenRound, Practice } from "./phone-voting-types";

type Delivery =
  | { state: "loading" }
  /** The phone couldn't ask whether its vote is in (flaky network); it asks again. */
  | { state: "unchecked" }
  | { state: "draft" }
  | { state: "sending" }
  | { state: "in" }
  | { state: "failed"; message: string };

/** Random hex without crypto.randomUUID, which phones on plain-http LAN addresses lack. */
function newSubmissionId() {
  return Array.from(crypto.getRandomValues(new Uint8Array(12)), (b) =>
    b.toString(16).padStart(2, "0"),
  ).join("");
}

/** What is wrong with a draft before it is sent, in words; null when it can be sent. */
function draftProblem(round: OpenRound, marks: DraftMarks) {
  const values = [...marks.values()];
  if (round.method === "dots" && values.every((m) => m.points === 0)) {
    return "Place at least one dot.";
  }
  if (round.method === "maturity") {
    const rated = values.filter((m) => m.points > 0 && m.importance !== null).length;
    const left = round.practiceIds.length - rated;
    if (left > 0) return `Rate ${left} more ${left === 1 ? "practice" : "practices"} to send.`;
  }
  return null;
}

/**
 * The ballot on a phone: thumb-sized marks, the budget left, and one button that sends (or
 * updates) the vote. A failed send keeps its submission id, so retrying can't vote twice.
 */
export function PhoneBallot({
  sessionId,
  round,
  practices,
}: {
  sessionId: string;
  round: OpenRound;
  practices: Practice[];
}) {
  const [marks, setMarks] = useState<DraftMarks>(new Map());
  const [delivery, setDelivery] = useState<Delivery>({ state: "loading" });
  const submission = useRef<string | null>(null);
  /** Whether a ballot of this phone is stored for the round (sent now or earlier). */
  const [voted, setVoted] = useState(false);
  const [checks, setChecks] = useState(0);

  useEffect(() => {
    let current = true;
    phoneClient()
      .voting.mine.query({ sessionId, roundId: round.id })
      .then((mine) => {
        if (!current) return;
        if (mine) {
          setMarks(new Map(mine.marks.map((m) => [m.practiceId, m])));
          submission.current = mine.submissionId;
          setVoted(true);
        }
        setDelivery({ state: mine ? "in" : "draft" });
      })
      .catch(() => current && setDelivery({ state: "unchecked" }));
    return () => {
      current = false;
    };
    // `checks` asks again after a failed check.
  }, [sessionId, round.id, checks]);

  useEffect(() => {
    if (delivery.state !== "unchecked") return;
    const retry = setTimeout(() => setChecks((n) => n + 1), 3000);
    return () => clearTimeout(retry);
  }, [delivery.state]);

  const onBallot = practices.filter((p) => round.practiceIds.includes(p.id));
  // Only this round's practices count, whatever else the draft holds.
  const onBallotMarks = [...marks].filter(([id]) => round.practiceIds.includes(id));
  const spent = onBallotMarks.reduce((sum, [, m]) => sum + m.points, 0);
  const problem = draftProblem(round, marks);
  const blocked =
    problem !== null ||
    delivery.state === "sending" ||
    delivery.state === "in" ||
    delivery.state === "loading";

  function change(practiceId: string, mark: { points: number; importance: number | null }) {
    setMarks((previous) => new Map(previous).set(practiceId, mark));
    // A changed ballot is a new submission; a retry of an unchanged one keeps its id.
    submission.current = null;
    setDelivery({ state: "draft" });
  }

  async function send() {
    submission.current ??= newSubmissionId();
    setDelivery({ state: "sending" });
    try {
      await phoneClient().voting.cast.mutate({
        sessionId,
        roundId: round.id,
        submissionId: submission.current,
        marks: onBallotMarks.map(([practiceId, m]) => ({ practiceId, ...m })),
      });
      setDelivery({ state: "in" });
      setVoted(true);
    } catch (failure) {
      // The ballot may have been stored with only the answer lost (then the round closed before
      // the retry): what the server holds decides, not the error.
      const stored = await phoneClient()
        .voting.mine.query({ sessionId, roundId: round.id })
        .catch(() => null);
      if (stored && stored.submissionId === submission.current) {
        setDelivery({ state: "in" });
        setVoted(true);
      } else {
        setDelivery({ state: "failed", message: errorMessage(failure) });
      }
    }
  }

  if (round.status !== "open") {
    return (
      <section className="rounded-2xl border border-line bg-surface p-5">
        <h2 className="mb-2 text-xl font-bold">Voting has closed</h2>
        <p className="text-muted">
          {voted
            ? delivery.state === "in"
              ? "Your vote was counted. "
              : "Your earlier vote was counted; the later changes were not sent. "
            : ""}
          Results appear here when the facilitator reveals them.
        </p>
      </section>
    );
  }

  return (
    <form
      className="flex flex-col gap-4"
      onSubmit={(event) => {
        event.preventDefault();
        if (!blocked) void send();
      }}
    >
      <div className="sticky top-0 z-10 -mx-1 flex flex-col gap-1 rounded-xl bg-canvas/95 px-1 py-2 backdrop-blur">
        <p className="text-sm text-muted">
          Round {round.number} · {methodInstructions(round)}
        </p>
        {round.method === "dots" && (
          <p className="text-lg font-bold" aria-live="polite">
            {round.dots - spent} of {round.dots} dots left
          </p>
        )}
      </div>
      <ul className="flex flex-col gap-3">
        {onBallot.map((practice) => {
          const mark = marks.get(practice.id) ?? { points: 0, importance: null };
          return (
            <li
              key={practice.id}
              className="flex flex-col gap-3 rounded-2xl border border-line bg-surface p-4"
            >
              <div className="flex items-start justify-between gap-3">
                <div className="min-w-0">
                  <h3 className="font-semibold">{practice.title}</h3>
                  <p className="line-clamp-3 text-sm text-muted">{practice.description}</p>
                </div>
                {round.method === "dots" && (
                  <DotStepper
                    practice={practice}
                    dots={mark.points}
                    canAdd={spent < round.dots && mark.points < round.maxDotsPerPractice}
                    onChange={(points) => change(practice.id, { points, importance: null })}
                  />
                )}
                {round.method === "approval" && (
                  <ApprovalToggle
                    practice={practice}
                    approved={mark.points === 1}
                    onChange={(yes) =>
                      change(practice.id, { points: yes ? 1 : 0, importance: null })
                    }
                  />
                )}
              </div>
              {round.method === "maturity" && (
                <div className="flex flex-col gap-3">
                  <RatingScale
                    name={`today-${practice.id}`}
                    practiceTitle={practice.title}
                    legend="How well do we do this today?"
                    low="not at all"
                    high="very well"
                    value={mark.points || null}
                    onChange={(points) => change(practice.id, { ...mark, points })}
                  />
                  <RatingScale
                    name={`importance-${practice.id}`}
                    practiceTitle={practice.title}
                    legend="How important is it for us?"
                    low="not at all"
                    high="vital"
                    value={mark.importance}
                    onChange={(importance) => change(practice.id, { ...mark, importance })}
                  />
                </div>
              )}
            </li>
          );
        })}
      </ul>
      <div className="sticky bottom-0 -mx-1 flex flex-col gap-2 bg-canvas/95 px-1 py-3 backdrop-blur">
        <DeliveryStatus delivery={delivery} problem={problem} voted={voted} />
        <button
          type="submit"
          className={`${buttonClass("primary")} aria-disabled:cursor-not-allowed aria-disabled:opacity-60`}
          // aria-disabled, not disabled: the button keeps the keyboard focus after a send.
          aria-disabled={blocked}
        >
          {delivery.state === "sending"
            ? "Sending…"
            : delivery.state === "failed"
              ? "Try again"
              : voted
                ? "Update my vote"
                : "Send my vote"}
        </button>
      </div>
    </form>
  );
}

function DeliveryStatus({
  delivery,
  problem,
  voted,
}: {
  delivery: Delivery;
  problem: string | null;
  voted: boolean;
}) {
  return (
    <div role="status" aria-live="polite">
      {delivery.state === "in" && (
        <Alert tone="success">Your vote is in. Change it any time until voting closes.</Alert>
      )}
      {delivery.state === "unchecked" && (
        <p className="text-sm text-muted">Checking whether your vote is in… (retrying)</p>
      )}
      {delivery.state === "failed" && (
        <Alert tone="error">Your vote was not sent: {delivery.message}</Alert>
      )}
      {delivery.state === "draft" && (problem || voted) && (
        <p className="text-sm text-muted">
          {problem ?? "Changes not sent yet: your earlier vote still counts until you update it."}
        </p>
      )}
    </div>
  );
}
