"use client";

import { useTranslations } from "next-intl";

import { describeClock, formatClock, useCountdown } from "./session-clock";

/** The session timer as a phone shows it: the time left, "paused", or "time's up". */
export function Countdown({
  endsAt,
  remainingMs,
  className = "",
}: {
  endsAt: Date | null;
  remainingMs: number | null;
  className?: string;
}) {
  const t = useTranslations("common");
  const clock = useCountdown(endsAt, remainingMs);
  if (clock.kind === "none") return null;
  if (clock.kind === "done") return <p className={className}>{t("countdown.timesUp")}</p>;
  const time = describeClock(t, clock.remainingMs);
  return (
    <p
      className={`font-mono tabular-nums ${className}`}
      aria-label={
        clock.kind === "paused"
          ? t("countdown.timerPaused", { time })
          : t("countdown.timeLeft", { time })
      }
    >
      {formatClock(clock.remainingMs)}
      {clock.kind === "paused" && (
        <span className="ml-2 font-sans text-sm text-muted">{t("countdown.paused")}</span>
      )}
    </p>
  );
}
