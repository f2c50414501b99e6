"use client";

import { useEffect, useState } from "react";

function format(ms: number) {
  const total = Math.max(0, Math.ceil(ms / 1000));
  const minutes = Math.floor(total / 60);
  const seconds = total % 60;
  return `${minutes}:${String(seconds).padStart(2, "0")}`;
}

/**
 * A session timer: counts down to `endsAt` while running, shows what was left while paused,
 * nothing when there is no timer. Ticks locally; the end time comes from the server.
 */
export function Countdown({
  endsAt,
  remainingMs,
  className = "",
}: {
  endsAt: Date | null;
  remainingMs: number | null;
  className?: string;
}) {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    if (!endsAt) return;
    const tick = setInterval(() => setNow(Date.now()), 500);
    return () => clearInterval(tick);
  }, [endsAt]);

  if (!endsAt && remainingMs === null) return null;
  const left = endsAt ? endsAt.getTime() - now : (remainingMs ?? 0);
  const label = endsAt ? (left > 0 ? "Time left" : "Time is up") : "Timer paused";
  return (
    <p className={`font-mono tabular-nums ${className}`} aria-label={`${label}: ${format(left)}`}>
      <span className="sr-only">{label}: </span>
      {format(left)}
      {!endsAt && <span className="ml-2 font-sans text-sm text-muted">paused</span>}
    </p>
  );
}
