"use client";

import { useTranslations } from "next-intl";

const labels = {
  slide: { previous: "slideNav.previousSlide", next: "slideNav.nextSlide" },
  practice: { previous: "slideNav.previousPractice", next: "slideNav.nextPractice" },
} as const;

/** The small on-screen ‹ › for stepping through slides with a mouse or touch. */
export function SlideNav({
  index,
  count,
  kind,
  onPrevious,
  onNext,
}: {
  index: number;
  count: number;
  /** What a slide is, for the buttons' names: "Next practice". */
  kind: keyof typeof labels;
  onPrevious: () => void;
  onNext: () => void;
}) {
  const t = useTranslations("present");
  const button =
    "flex size-[clamp(2.5rem,6vh,4rem)] items-center justify-center rounded-full border border-line bg-surface text-[length:clamp(1.25rem,3.5vh,2.25rem)] leading-none text-fg hover:bg-raised disabled:opacity-30";
  return (
    <div className="flex shrink-0 items-center gap-[1.5vh] text-muted">
      <button
        type="button"
        className={button}
        onClick={onPrevious}
        disabled={index === 0}
        aria-label={t(labels[kind].previous)}
      >
        <span aria-hidden="true">‹</span>
      </button>
      <span className="min-w-[4ch] text-center text-[length:clamp(0.875rem,2.3vh,1.5rem)] whitespace-nowrap tabular-nums">
        {t("slideNav.position", { index: index + 1, count })}
      </span>
      <button
        type="button"
        className={button}
        onClick={onNext}
        disabled={index === count - 1}
        aria-label={t(labels[kind].next)}
      >
        <span aria-hidden="true">›</span>
      </button>
    </div>
  );
}
