"use client";

import { useTranslations } from "next-intl";

import { describeClock, formatClock, useCountdown } from "../../../_components/session-clock";

/** The session timer, large enough to read from the back of the room; nothing when unset. */
export function PresenterTimer({
  endsAt,
  pausedRemainingMs,
}: {
  endsAt: Date | null;
  pausedRemainingMs: number | null;
}) {
  const t = useTranslations("present");
  const tc = useTranslations("common");
  const countdown = useCountdown(endsAt, pausedRemainingMs);
  if (countdown.kind === "none") return null;
  const done = countdown.kind === "done";
  return (
    <div
      className={`flex items-baseline gap-[1vw] rounded-[1.5vh] border px-[1.6vw] py-[0.6vh] ${
        done ? "border-danger bg-danger-soft text-danger" : "border-line bg-surface"
      }`}
    >
      {countdown.kind === "paused" && (
        <span className="text-[length:clamp(0.75rem,2.3vh,1.5rem)] font-semibold text-muted uppercase">
          {t("timer.paused")}
        </span>
      )}
      <span
        role="timer"
        aria-label={
          done
            ? tc("countdown.timesUp")
            : t("timer.left", { time: describeClock(tc, countdown.remainingMs) })
        }
        className="text-[length:clamp(1.5rem,min(5vw,9vh),6.5rem)] leading-none font-bold tabular-nums"
      >
        {done ? t("timer.timesUp") : formatClock(countdown.remainingMs)}
      </span>
    </div>
  );
}
