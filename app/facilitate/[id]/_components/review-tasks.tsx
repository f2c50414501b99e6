"use client";

import { useMutation } from "@tanstack/react-query";

import { buttonClass } from "../../../_components/ui";
import { useTRPC } from "../../../_trpc/client";
import {
  outcomeLabels,
  ownerAndDue,
  reviewProgress,
  type ReviewItem,
  type ReviewOutcome,
  readableError,
} from "../../_lib/live-actions";
import type { ConsoleSnapshot } from "../../_lib/live-types";

const choices: { outcome: ReviewOutcome; label: string }[] = [
  { outcome: "done", label: "Done" },
  { outcome: "carried", label: "Carry over" },
  { outcome: "dropped", label: "Drop" },
];

function ReviewRow({
  sessionId,
  item,
  locked,
}: {
  sessionId: string;
  item: ReviewItem;
  locked: boolean;
}) {
  const trpc = useTRPC();
  const review = useMutation(trpc.action.review.mutationOptions());
  // While a decision is on its way, its button already shows pressed.
  const outcome = review.isPending ? review.variables.outcome : item.outcome;
  return (
    <li className="flex flex-col gap-3 rounded-lg border border-line bg-surface p-3 sm:flex-row sm:items-start sm:justify-between">
      <div className="flex min-w-0 flex-col gap-0.5">
        <p className="font-medium break-words">{item.title}</p>
        <p className="text-sm text-muted">{ownerAndDue(item)}</p>
        <p className="text-sm text-muted">
          {item.practiceTitle && <>{item.practiceTitle} · </>}
          {item.fromSession ? `from ${item.fromSession}` : "added on the board"}
        </p>
        {review.error && (
          <p role="alert" className="text-sm font-medium text-danger">
            {readableError(review.error)}
          </p>
        )}
      </div>
      <div
        role="group"
        aria-label={`Outcome of ${item.title}`}
        className="flex shrink-0 flex-wrap gap-2"
      >
        {choices.map((choice) => {
          const pressed = outcome === choice.outcome;
          return (
            <button
              key={choice.outcome}
              type="button"
              aria-pressed={pressed}
              disabled={locked || review.isPending}
              className={`${buttonClass(pressed ? "primary" : "secondary")} min-h-9 px-3 text-sm`}
              onClick={() =>
                review.mutate({ sessionId, actionId: item.id, outcome: choice.outcome })
              }
            >
              {pressed && <span aria-hidden="true">✓ </span>}
              {choice.label}
            </button>
          );
        })}
      </div>
    </li>
  );
}

/** Review: each open action of earlier sessions marked done, carried over or dropped. */
export function ReviewTasks({ sessionId, live }: { sessionId: string; live: ConsoleSnapshot }) {
  const { reviewed, total } = reviewProgress(live.review);
  const locked = live.session.endedAt !== null;
  if (total === 0) {
    return <p>This team has no open actions from earlier sessions. Move on with Next.</p>;
  }
  return (
    <div className="flex flex-col gap-4">
      <p className="text-muted">
        Go through what the team agreed last time. Done and dropped move the card on the team board;
        carried over keeps it open. A second click on another outcome replaces the first.
      </p>
      <div className="flex flex-col gap-2">
        <p aria-live="polite" className="text-lg font-semibold">
          {reviewed} of {total} reviewed
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
          <ReviewRow key={item.id} sessionId={sessionId} item={item} locked={locked} />
        ))}
      </ul>
      {reviewed === total && (
        <p className="text-muted">
          Every action is reviewed ({outcomeSummary(live.review)}). Move on with Next.
        </p>
      )}
    </div>
  );
}

function outcomeSummary(items: readonly ReviewItem[]) {
  return (Object.keys(outcomeLabels) as ReviewOutcome[])
    .map((outcome) => {
      const n = items.filter((item) => item.outcome === outcome).length;
      return n > 0 ? `${n} ${outcomeLabels[outcome].toLowerCase()}` : null;
    })
    .filter(Boolean)
    .join(", ");
}
