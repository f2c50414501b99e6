"use client";

/** The small on-screen ‹ › for stepping through slides with a mouse or touch. */
export function SlideNav({
  index,
  count,
  label,
  onPrevious,
  onNext,
}: {
  index: number;
  count: number;
  /** What a slide is, for the buttons' names: "practice". */
  label: string;
  onPrevious: () => void;
  onNext: () => void;
}) {
  const button =
    "flex size-[clamp(2.5rem,6vh,4rem)] items-center justify-center rounded-full border border-line bg-surface text-[length:clamp(1.25rem,3.5vh,2.25rem)] leading-none text-fg hover:bg-raised disabled:opacity-30";
  return (
    <div className="flex items-center gap-[1.5vh] text-muted">
      <button
        type="button"
        className={button}
        onClick={onPrevious}
        disabled={index === 0}
        aria-label={`Previous ${label}`}
      >
        <span aria-hidden="true">‹</span>
      </button>
      <span className="min-w-[4ch] text-center text-[length:clamp(0.875rem,2.3vh,1.5rem)] tabular-nums">
        {index + 1} / {count}
      </span>
      <button
        type="button"
        className={button}
        onClick={onNext}
        disabled={index === count - 1}
        aria-label={`Next ${label}`}
      >
        <span aria-hidden="true">›</span>
      </button>
    </div>
  );
}
