"use client";

import { useTranslations } from "next-intl";
import { useEffect, useEffectEvent, useRef, useState } from "react";

import { Alert, buttonClass } from "../../../_components/ui";
import { ApprovalToggle, DotStepper, RatingScale } from "./ballot-marks";
import {
  queuedBallotOf,
  shouldQueue,
  useOutbox,
  useOutboxOutcomes,
  type Outbox,
} from "./offline-outbox";
import { QueuedVoteNotice } from "./offline-status";
import { errorMessage, phoneClient } from "./phone-client";
import type { DraftMarks, OpenRound, Practice } from "./phone-voting-types";

type Delivery =
  | { state: "loading" }
  /** The phone couldn't ask whether its vote is in (flaky network); it asks again. */
  | { state: "unchecked" }
  | { state: "draft" }
  | { state: "sending" }
  | { state: "in" }
  /** Kept on this phone until the connection is back; offline-outbox.ts sends it then. */
  | { state: "queued" }
  | { state: "failed"; message: string };

/** Random hex without crypto.randomUUID, which phones on plain-http LAN addresses lack. */
function newSubmissionId() {
  return Array.from(crypto.getRandomValues(new Uint8Array(12)), (b) =>
    b.toString(16).padStart(2, "0"),
  ).join("");
}

type PhoneTranslator = ReturnType<typeof useTranslations<"phone">>;

/** What is wrong with a draft before it is sent, in words; null when it can be sent. */
function draftProblem(round: OpenRound, marks: DraftMarks, t: PhoneTranslator) {
  const values = [...marks.values()];
  if (round.method === "dots" && values.every((m) => m.points === 0)) {
    return t("ballot.noDots");
  }
  if (round.method === "maturity") {
    const rated = values.filter((m) => m.points > 0 && m.importance !== null).length;
    const left = round.practiceIds.length - rated;
    if (left > 0) return t("ballot.rateMore", { count: left });
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
  mayHaveBallot,
}: {
  sessionId: string;
  round: OpenRound;
  practices: Practice[];
  /**
   * Whether the server may hold a ballot of this phone for the round: not for a round that
   * opened while the page was open (a whole room would otherwise ask the moment it opens).
   */
  mayHaveBallot: boolean;
}) {
  const t = useTranslations("phone");
  const tc = useTranslations("common");
  const [marks, setMarks] = useState<DraftMarks>(new Map());
  const [delivery, setDelivery] = useState<Delivery>({
    state: mayHaveBallot ? "loading" : "draft",
  });
  const submission = useRef<string | null>(null);
  /** Whether a ballot of this phone is stored for the round (sent now or earlier). */
  const [voted, setVoted] = useState(false);
  const [checks, setChecks] = useState(0);
  /** Whether the person has changed the ballot on this screen. */
  const edited = useRef(false);
  const outbox = useOutbox();

  /** Shows the ballot this phone keeps for the round, if any: the latest choice, on its way. */
  const restoreQueued = useEffectEvent(() => {
    const queued = queuedBallotOf(outbox, round.id);
    if (!queued) return false;
    setMarks(new Map(queued.marks.map((m) => [m.practiceId, m])));
    submission.current = queued.submissionId;
    setDelivery({ state: "queued" });
    return true;
  });

  useOutboxOutcomes(({ item, result }) => {
    if (item.kind !== "ballot" || item.roundId !== round.id) return;
    if (result === "sent") setVoted(true);
    // The session's news says how it went; a refused ballot can be changed and sent again.
    if (submission.current === item.submissionId) {
      setDelivery({ state: result === "sent" ? "in" : "draft" });
    } else if (result === "sent" && submission.current === null && !edited.current) {
      // Sent before this screen knew of it (the outbox ran as the page loaded): ask the server
      // again, which now holds it, unless the person has started a new draft meanwhile.
      setChecks((n) => n + 1);
    }
  });

  useEffect(() => {
    // A round that opened while the page was open starts as an empty draft (see useState).
    if (!mayHaveBallot && checks === 0) return;
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
        if (!restoreQueued()) setDelivery({ state: mine ? "in" : "draft" });
      })
      .catch(() => current && !restoreQueued() && setDelivery({ state: "unchecked" }));
    return () => {
      current = false;
    };
    // `checks` asks again after a failed check.
  }, [sessionId, round.id, checks, mayHaveBallot]);

  useEffect(() => {
    if (delivery.state !== "unchecked") return;
    const retry = setTimeout(() => setChecks((n) => n + 1), 3000);
    return () => clearTimeout(retry);
  }, [delivery.state]);

  const onBallot = practices.filter((p) => round.practiceIds.includes(p.id));
  // Only this round's practices count, whatever else the draft holds.
  const onBallotMarks = [...marks].filter(([id]) => round.practiceIds.includes(id));
  const spent = onBallotMarks.reduce((sum, [, m]) => sum + m.points, 0);
  const problem = draftProblem(round, marks, t);
  const blocked =
    problem !== null ||
    delivery.state === "sending" ||
    delivery.state === "in" ||
    delivery.state === "queued" ||
    delivery.state === "loading";

  function change(practiceId: string, mark: { points: number; importance: number | null }) {
    setMarks((previous) => new Map(previous).set(practiceId, mark));
    // A changed ballot is a new submission; a retry of an unchanged one keeps its id.
    submission.current = null;
    edited.current = true;
    setDelivery({ state: "draft" });
  }

  async function send() {
    submission.current ??= newSubmissionId();
    const ballot = {
      roundId: round.id,
      submissionId: submission.current,
      marks: onBallotMarks.map(([practiceId, m]) => ({ practiceId, ...m })),
    };
    // Without a connection the ballot waits on this phone and goes when it is back.
    const keepForLater = (box: Outbox) => {
      box.add({ kind: "ballot", ...ballot, queuedAt: Date.now() });
      setDelivery({ state: "queued" });
    };
    if (outbox && shouldQueue()) return keepForLater(outbox);
    setDelivery({ state: "sending" });
    try {
      await phoneClient().voting.cast.mutate({ sessionId, ...ballot });
      setDelivery({ state: "in" });
      setVoted(true);
    } catch (failure) {
      if (outbox && shouldQueue(failure)) return keepForLater(outbox);
      // The ballot may have been stored with only the answer lost (then the round closed before
      // the retry): what the server holds decides, not the error.
      const stored = await phoneClient()
        .voting.mine.query({ sessionId, roundId: round.id })
        .catch(() => null);
      if (stored && stored.submissionId === submission.current) {
        setDelivery({ state: "in" });
        setVoted(true);
      } else {
        setDelivery({ state: "failed", message: errorMessage(failure, t("errors.network")) });
      }
    }
  }

  if (round.status !== "open") {
    return (
      <section className="rounded-2xl border border-line bg-surface p-5">
        <h2 className="mb-2 text-xl font-bold">{t("ballot.closedTitle")}</h2>
        <p className="text-muted">
          {voted
            ? delivery.state === "in"
              ? t("ballot.closedCounted")
              : t("ballot.closedEarlier")
            : t("ballot.closed")}
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
          {t("ballot.roundLine", {
            number: round.number,
            instructions: tc(`methods.${round.method}.instructions`, {
              dots: round.dots,
              maxDotsPerPractice: round.maxDotsPerPractice,
            }),
          })}
        </p>
        {round.method === "dots" && (
          <p className="text-lg font-bold" aria-live="polite">
            {t("ballot.dotsLeft", { left: round.dots - spent, total: round.dots })}
          </p>
        )}
      </div>
      <ul className="flex flex-col gap-3">
        {onBallot.map((practice) => {
          const mark = marks.get(practice.id) ?? { points: 0, importance: null };
          return (
            <li
              key={practice.id}
              className="flex flex-col gap-3 rounded-2xl border border-line bg-surface p-3 sm:p-4"
            >
              {/* The controls sit beside the title, and move under it when the text is zoomed. */}
              <div className="flex flex-wrap items-start justify-between gap-3">
                <div className="min-w-0 flex-1 basis-40">
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
                    legend={t("ballot.todayLegend")}
                    low={t("ballot.todayLow")}
                    high={t("ballot.todayHigh")}
                    value={mark.points || null}
                    onChange={(points) => change(practice.id, { ...mark, points })}
                  />
                  <RatingScale
                    name={`importance-${practice.id}`}
                    practiceTitle={practice.title}
                    legend={t("ballot.importanceLegend")}
                    low={t("ballot.importanceLow")}
                    high={t("ballot.importanceHigh")}
                    value={mark.importance}
                    onChange={(importance) => change(practice.id, { ...mark, importance })}
                  />
                </div>
              )}
            </li>
          );
        })}
      </ul>
      {/* In the flow after the list, so the last card scrolls clear of it; the edge and shadow
          show that the cards go on beneath it. */}
      <div className="sticky bottom-0 -mx-1 flex flex-col gap-2 border-t border-line bg-canvas/95 px-1 py-3 shadow-[0_-6px_12px_-8px_rgb(0_0_0/0.3)] backdrop-blur">
        <DeliveryStatus delivery={delivery} problem={problem} voted={voted} />
        <button
          type="submit"
          // Not yet sendable: muted, yet readable (muted on raised is about 7:1 in both themes).
          className={`${buttonClass("primary")} aria-disabled:cursor-not-allowed aria-disabled:bg-raised aria-disabled:text-muted aria-disabled:ring-1 aria-disabled:ring-line aria-disabled:ring-inset aria-disabled:hover:bg-raised`}
          // aria-disabled, not disabled: the button keeps the keyboard focus after a send.
          aria-disabled={blocked}
        >
          {delivery.state === "sending"
            ? t("ballot.sending")
            : delivery.state === "failed"
              ? t("ballot.tryAgain")
              : voted
                ? t("ballot.update")
                : t("ballot.send")}
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
  const t = useTranslations("phone");
  return (
    <div role="status" aria-live="polite">
      {delivery.state === "in" && (
        <Alert tone="success" insideLiveRegion>
          {t("ballot.in")}
        </Alert>
      )}
      {delivery.state === "queued" && <QueuedVoteNotice />}
      {delivery.state === "unchecked" && (
        <p className="text-sm text-muted">{t("ballot.checking")}</p>
      )}
      {delivery.state === "failed" && (
        <Alert tone="error" insideLiveRegion>
          {t("ballot.failed", { message: delivery.message })}
        </Alert>
      )}
      {delivery.state === "draft" && (problem || voted) && (
        <p className="text-sm text-muted">{problem ?? t("ballot.unsent")}</p>
      )}
    </div>
  );
}
