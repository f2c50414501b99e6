"use client";

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
  const clock = useCountdown(endsAt, remainingMs);
  if (clock.kind === "none") return null;
  if (clock.kind === "done") return <p className={className}>Time&apos;s up</p>;
  const label = clock.kind === "paused" ? "Timer paused" : "Time left";
  return (
    <p
      className={`font-mono tabular-nums ${className}`}
      aria-label={`${label}: ${describeClock(clock.remainingMs)}`}
    >
      {formatClock(clock.remainingMs)}
      {clock.kind === "paused" && <span className="ml-2 font-sans text-sm text-muted">paused</span>}
    </p>
  );
}
