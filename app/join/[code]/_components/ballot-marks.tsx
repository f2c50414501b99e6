"use client";

import { useFormatter, useTranslations } from "next-intl";

import { ratingMax, ratingMin } from "~/server/voting/ballot-rules";

import type { Practice } from "./phone-voting-types";

/** A practice's own dots: − and + buttons sized for thumbs, the count between them. */
export function DotStepper({
  practice,
  dots,
  canAdd,
  onChange,
}: {
  practice: Practice;
  dots: number;
  canAdd: boolean;
  onChange: (dots: number) => void;
}) {
  const t = useTranslations("phone");
  const format = useFormatter();
  const stepClass =
    "grid size-11 place-items-center rounded-full border border-line bg-surface text-2xl font-bold aria-disabled:opacity-40";
  return (
    <div
      className="flex shrink-0 items-center gap-2"
      role="group"
      aria-label={t("marks.dotsOn", { practice: practice.title })}
    >
      <button
        type="button"
        className={stepClass}
        // aria-disabled keeps the focus on the button when it runs out; clicks then do nothing.
        aria-disabled={dots === 0}
        onClick={() => dots > 0 && onChange(dots - 1)}
        aria-label={t("marks.takeDot", { practice: practice.title })}
      >
        −
      </button>
      {/* The budget line announces each change; this count stays quiet. */}
      <output className="w-6 text-center text-xl font-bold tabular-nums">
        {format.number(dots)}
      </output>
      <button
        type="button"
        className={stepClass}
        aria-disabled={!canAdd}
        onClick={() => canAdd && onChange(dots + 1)}
        aria-label={t("marks.putDot", { practice: practice.title })}
      >
        +
      </button>
    </div>
  );
}

/** Yes or no for one practice: the whole row is the checkbox's label. */
export function ApprovalToggle({
  practice,
  approved,
  onChange,
}: {
  practice: Practice;
  approved: boolean;
  onChange: (approved: boolean) => void;
}) {
  const t = useTranslations("phone");
  return (
    <label className="flex min-h-11 shrink-0 cursor-pointer items-center gap-2 rounded-full border border-line px-3 font-semibold has-[:checked]:border-accent has-[:checked]:bg-accent has-[:checked]:text-on-accent">
      <input
        type="checkbox"
        className="size-5 accent-current"
        checked={approved}
        onChange={(event) => onChange(event.target.checked)}
      />
      <span>
        {t.rich("marks.yes", {
          practice: practice.title,
          sr: (chunks) => <span className="sr-only">{chunks}</span>,
        })}
      </span>
    </label>
  );
}

const ratings = Array.from({ length: ratingMax - ratingMin + 1 }, (_, i) => ratingMin + i);

/** A 1–5 rating as radio buttons drawn as a row of squares, with what the ends mean. */
export function RatingScale({
  name,
  practiceTitle,
  legend,
  low,
  high,
  value,
  onChange,
}: {
  name: string;
  practiceTitle: string;
  legend: string;
  low: string;
  high: string;
  value: number | null;
  onChange: (value: number) => void;
}) {
  const format = useFormatter();
  return (
    <fieldset className="flex flex-col gap-1">
      <legend className="text-sm font-medium">
        {legend}
        <span className="sr-only"> ({practiceTitle})</span>
      </legend>
      <div className="flex gap-1.5">
        {ratings.map((rating) => (
          <label
            key={rating}
            className="grid size-11 cursor-pointer place-items-center rounded-lg border border-line bg-surface text-lg font-bold has-[:checked]:border-accent has-[:checked]:bg-accent has-[:checked]:text-on-accent has-[:focus-visible]:outline-3 has-[:focus-visible]:outline-accent"
          >
            <input
              type="radio"
              className="sr-only"
              name={name}
              value={rating}
              checked={value === rating}
              onChange={() => onChange(rating)}
            />
            {format.number(rating)}
            {rating === ratingMin && <span className="sr-only">, {low}</span>}
            {rating === ratingMax && <span className="sr-only">, {high}</span>}
          </label>
        ))}
      </div>
      <p
        className="flex justify-between text-xs text-muted"
        style={{ maxWidth: "16.5rem" }}
        aria-hidden="true"
      >
        <span>
          {format.number(ratingMin)} {low}
        </span>
        <span>
          {format.number(ratingMax)} {high}
        </span>
      </p>
    </fieldset>
  );
}
