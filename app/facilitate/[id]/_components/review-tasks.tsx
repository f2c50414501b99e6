"use client";

import { useMutation } from "@tanstack/react-query";
import { useFormatter, useTranslations } from "next-intl";
import { useState } from "react";

import { dayOf, isOverdue } from "~/server/actions/follow-through";

import { useTRPC } from "../../../_trpc/client";
import {
  reviewOutcomes,
  reviewProgress,
  type ReviewItem,
  type ReviewOutcome,
} from "../../_lib/live-actions";
import type { ConsoleSnapshot } from "../../_lib/live-types";
import { useActionWords } from "./console-words";

const choices = [
  { outcome: "done", label: "done" },
  { outcome: "carried", label: "carry" },
  { outcome: "dropped", label: "drop" },
] as const satisfies readonly { outcome: ReviewOutcome; label: string }[];

/** "2 done, 1 dropped": how many actions got each outcome, as words in the summary. */
const summaryLabels = {
  done: "summaryDone",
  carried: "summaryCarried",
  dropped: "summaryDropped",
} as const satisfies Record<ReviewOutcome, string>;

function ReviewRow({
  sessionId,
  item,
  today,
  locked,
}: {
  sessionId: string;
  item: ReviewItem;
  /** Today as the board counts it (a UTC day, YYYY-MM-DD), for the overdue mark. */
  today: string;
  locked: boolean;
}) {
  const t = useTranslations("facilitate.review");
  const words = useActionWords();
  const trpc = useTRPC();
  const review = useMutation(trpc.action.review.mutationOptions());
  // While a decision is on its way, its button already shows pressed.
  const outcome = review.isPending ? review.variables.outcome : item.outcome;
  // Marked as the team board marks it: open and past its due day.
  const overdue = isOverdue({ ...item, completedAt: null }, today);
  return (
    <li
      className={`flex flex-col gap-3 rounded-lg border bg-surface p-3 sm:flex-row sm:items-start sm:justify-between ${
        overdue ? "border-danger border-l-4" : "border-line"
      }`}
    >
      <div className="flex min-w-0 flex-col gap-0.5">
        {overdue && (
          <span className="mb-1 inline-flex w-fit items-center gap-1 rounded-full bg-danger-soft px-2 py-0.5 text-xs font-bold tracking-wide text-danger uppercase">
            <span aria-hidden="true">!</span> {t("overdue")}
          </span>
        )}
        <p className="font-medium break-words">{item.title}</p>
        <p className="text-sm text-muted">{words.ownerAndDue(item)}</p>
        <p className="text-sm text-muted">
          {item.practiceTitle && <>{item.practiceTitle} · </>}
          {item.fromSession ? t("fromSession", { session: item.fromSession }) : t("addedOnBoard")}
        </p>
        {review.error && (
          <p role="alert" className="text-sm font-medium text-danger">
            {words.readableError(review.error)}
          </p>
        )}
      </div>
      {/* One segmented control: the three outcomes stay together, on a phone as wide as the row. */}
      <div
        role="group"
        aria-label={t("outcomeGroup", { title: item.title })}
        className="flex w-full shrink-0 divide-x divide-line rounded-lg border border-line sm:w-auto"
      >
        {choices.map((choice) => {
          const pressed = outcome === choice.outcome;
          return (
            <button
              key={choice.outcome}
              type="button"
              aria-pressed={pressed}
              disabled={locked || review.isPending}
              className={`relative inline-flex min-h-11 flex-auto items-center justify-center px-2.5 py-1 text-center text-sm leading-tight font-semibold transition-colors first:rounded-l-md last:rounded-r-md focus-visible:z-10 disabled:cursor-not-allowed disabled:opacity-60 sm:min-h-9 sm:flex-none sm:px-3 ${
                pressed ? "bg-accent text-on-accent" : "bg-surface text-fg hover:bg-raised"
              }`}
              onClick={() =>
                review.mutate({ sessionId, actionId: item.id, outcome: choice.outcome })
              }
            >
              {pressed && (
                <span aria-hidden="true" className="mr-1">
                  ✓
                </span>
              )}
              {t(choice.label)}
            </button>
          );
        })}
      </div>
    </li>
  );
}

/** Review: each open action of earlier sessions marked done, carried over or dropped. */
export function ReviewTasks({ sessionId, live }: { sessionId: string; live: ConsoleSnapshot }) {
  const t = useTranslations("facilitate.review");
  const format = useFormatter();
  const { reviewed, total } = reviewProgress(live.review);
  // The console renders only in the browser (from live snapshots), so this is the reader's now.
  const [today] = useState(() => dayOf(new Date()));
  const locked = live.session.endedAt !== null;
  if (total === 0) {
    return <p>{t("none")}</p>;
  }
  return (
    <div className="flex flex-col gap-4">
      <p className="text-muted">{t("lead")}</p>
      <div className="flex flex-col gap-2">
        <p aria-live="polite" className="text-lg font-semibold">
          {t("progress", { reviewed, total })}
        </p>
        <div className="h-2 overflow-hidden rounded-full bg-raised" aria-hidden="true">
          <div
            className="h-full rounded-full bg-accent transition-[width]"
            style={{ width: `${(reviewed / total) * 100}%` }}
          />
        </div>
      </div>
      <ul className="flex flex-col gap-3">
        {live.review.map((item) => (
          <ReviewRow
            key={item.id}
            sessionId={sessionId}
            item={item}
            today={today}
            locked={locked}
          />
        ))}
      </ul>
      {reviewed === total && (
        <p className="text-muted">
          {t("allReviewed", {
            summary: format.list(
              reviewOutcomes.flatMap((outcome) => {
                const count = live.review.filter((item) => item.outcome === outcome).length;
                return count > 0 ? [t(summaryLabels[outcome], { count })] : [];
              }),
              // "1 done, 2 dropped" in English: commas only, as a list of amounts.
              { type: "unit", style: "short" },
            ),
          })}
        </p>
      )}
    </div>
  );
}
