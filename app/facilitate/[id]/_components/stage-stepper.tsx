"use client";

import { useTranslations } from "next-intl";
import { useId, type ReactNode } from "react";

import type { SessionStage } from "~/db/schema";

import { stageName, stageOrder } from "../../../_components/session-stages";
import { buttonClass } from "../../../_components/ui";

type StageCommand = { type: "advance" } | { type: "back" } | { type: "goto"; stage: SessionStage };

/**
 * The stage a step back or forward lands on. Review only exists when the team has open actions
 * from earlier sessions; the console reads that from the team's board once, so the labels are a
 * hint. The server decides the real step either way, and the live region announces where it
 * landed.
 */
function neighbour(stage: SessionStage, step: 1 | -1, hasReview: boolean) {
  const stages = stageOrder.filter((s) => s !== "review" || hasReview || s === stage);
  return stages[stages.indexOf(stage) + step];
}

export function StageStepper({
  current,
  ended,
  hasReview,
  pending,
  nextCaution,
  onCommand,
}: {
  current: SessionStage;
  ended: boolean;
  hasReview: boolean;
  pending: boolean;
  /**
   * Set when the stage's own main action comes first (voting still open in the vote stage): Next
   * turns secondary and this warning, tied to it, says what Next would skip.
   */
  nextCaution?: string;
  onCommand: (command: StageCommand) => void;
}) {
  const t = useTranslations("facilitate");
  const tc = useTranslations("common");
  const currentIndex = stageOrder.indexOf(current);
  const back = neighbour(current, -1, hasReview);
  const next = neighbour(current, 1, hasReview);
  // While a move settles the buttons are aria-disabled, not disabled: a disabled button drops
  // the keyboard focus, and the person pressing Enter on "Next" would lose their place.
  const settling = pending && !ended;
  const unlessSettling = (command: StageCommand) => {
    if (!settling) onCommand(command);
  };

  const cautionId = useId();
  // On a phone "Back to Discuss" shortens to "Back" (the rest stays for screen readers), so
  // Back and Next share one row.
  const phoneHidden = (chunks: ReactNode) => <span className="max-sm:sr-only">{chunks}</span>;
  const backLabel = back
    ? t.rich("stepper.backTo", { stage: stageName(tc, back), long: phoneHidden })
    : t("stepper.back");
  const nextLabel = next ? t("stepper.nextTo", { stage: stageName(tc, next) }) : t("stepper.next");

  return (
    <nav aria-label={t("stepper.nav")} className="flex flex-col gap-3">
      <ol className="grid grid-cols-2 gap-2 min-[480px]:grid-cols-4 lg:grid-cols-8">
        {stageOrder.map((stage, index) => {
          const isCurrent = stage === current;
          const isPast = index < currentIndex;
          const optional = stage === "review" && !hasReview && !isCurrent;
          return (
            <li key={stage} className="flex">
              <button
                type="button"
                aria-current={isCurrent ? "step" : undefined}
                disabled={ended && !isCurrent}
                aria-disabled={settling && !isCurrent ? true : undefined}
                onClick={() => {
                  if (!isCurrent) unlessSettling({ type: "goto", stage });
                }}
                title={optional ? t("stepper.optionalHint") : undefined}
                className={`flex min-h-14 w-full flex-col items-start justify-center rounded-lg border px-3 py-1.5 text-left transition-colors disabled:cursor-not-allowed ${
                  isCurrent
                    ? "cursor-default border-accent bg-accent text-on-accent"
                    : isPast
                      ? // Done: flat on the page, muted and ticked; upcoming stages are cards.
                        "border-transparent bg-canvas text-muted hover:border-accent disabled:opacity-70 aria-disabled:cursor-wait"
                      : "border-line bg-surface text-fg shadow-sm hover:border-accent disabled:opacity-70 aria-disabled:cursor-wait"
                }`}
              >
                {/* The button is named by the stage alone; aria-current says which one is now. */}
                <span
                  aria-hidden="true"
                  className={`text-xs font-medium ${isCurrent ? "text-on-accent" : "text-muted"}`}
                >
                  {isPast && <span className="text-ok">✓ </span>}
                  {isCurrent
                    ? t("stepper.now")
                    : t(
                        isPast
                          ? "stepper.stageNumberDone"
                          : optional
                            ? "stepper.stageNumberOptional"
                            : "stepper.stageNumber",
                        { position: index + 1 },
                      )}
                </span>
                <span className={isPast ? "font-medium" : "font-semibold"}>
                  {stageName(tc, stage)}
                </span>
              </button>
            </li>
          );
        })}
      </ol>
      <div className="grid grid-cols-[auto_minmax(0,1fr)] gap-2 sm:flex sm:flex-wrap">
        <button
          type="button"
          className={`${buttonClass("secondary")} aria-disabled:cursor-wait`}
          disabled={ended || !back}
          aria-disabled={settling || undefined}
          onClick={() => unlessSettling({ type: "back" })}
        >
          <span aria-hidden="true">‹</span> <span>{backLabel}</span>
        </button>
        <button
          type="button"
          className={`${buttonClass(nextCaution ? "secondary" : "primary")} aria-disabled:cursor-wait`}
          disabled={ended || !next}
          aria-disabled={settling || undefined}
          aria-describedby={nextCaution && !ended ? cautionId : undefined}
          onClick={() => unlessSettling({ type: "advance" })}
        >
          {nextLabel} <span aria-hidden="true">›</span>
        </button>
      </div>
      {nextCaution && !ended && (
        <p id={cautionId} className="text-sm text-muted">
          {nextCaution}
        </p>
      )}
    </nav>
  );
}
