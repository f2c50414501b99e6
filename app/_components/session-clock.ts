"use client";

import { useSyncExternalStore } from "react";

import type { CommonTranslator } from "./translator";

export type CountdownState =
  | { kind: "none" }
  | { kind: "running"; remainingMs: number }
  | { kind: "paused"; remainingMs: number }
  | { kind: "done" };

/** 5:07, 0:09, 1:02:03 — whole seconds, rounded up so a timer shows 0:00 only when it is over. */
export function formatClock(ms: number) {
  const total = Math.max(0, Math.ceil(ms / 1000));
  const hours = Math.floor(total / 3600);
  const minutes = Math.floor((total % 3600) / 60);
  const seconds = String(total % 60).padStart(2, "0");
  return hours > 0
    ? `${hours}:${String(minutes).padStart(2, "0")}:${seconds}`
    : `${minutes}:${seconds}`;
}

/** A spoken form for screen readers: `describeClock(t, ms)` is "4 minutes 30 seconds". */
export function describeClock(t: CommonTranslator, ms: number) {
  const total = Math.max(0, Math.ceil(ms / 1000));
  const minutes = Math.floor(total / 60);
  const seconds = total % 60;
  if (minutes === 0) return t("clock.seconds", { count: seconds });
  if (seconds === 0) return t("clock.minutes", { count: minutes });
  return t("clock.minutesAndSeconds", {
    minutes: t("clock.minutes", { count: minutes }),
    seconds: t("clock.seconds", { count: seconds }),
  });
}

// One shared clock for every countdown on the page. It refreshes on read when stale, so a timer
// that starts after a quiet spell shows the right time on its first frame, not a stale one.
const tickMs = 250;
let clockNow = 0;
function readClock() {
  const now = Date.now();
  if (now - clockNow >= tickMs) clockNow = now;
  return clockNow;
}
function subscribeClock(onTick: () => void) {
  const interval = window.setInterval(onTick, tickMs);
  return () => window.clearInterval(interval);
}
const subscribeNothing = () => () => {};
const noClockOnServer = () => null;

/**
 * A session timer ticking in the browser. The server stores a running timer as its end time and a
 * paused one as the time left, so every screen counts down on its own without a push per second.
 */
export function useCountdown(
  endsAt: Date | null,
  pausedRemainingMs: number | null,
): CountdownState {
  const running = endsAt !== null;
  const now = useSyncExternalStore(
    running ? subscribeClock : subscribeNothing,
    readClock,
    noClockOnServer,
  );
  if (endsAt) {
    // The server has no clock to tick; snapshots only ever arrive in the browser anyway.
    if (now === null) return { kind: "none" };
    const remainingMs = endsAt.getTime() - now;
    return remainingMs > 0 ? { kind: "running", remainingMs } : { kind: "done" };
  }
  if (pausedRemainingMs !== null) return { kind: "paused", remainingMs: pausedRemainingMs };
  return { kind: "none" };
}
