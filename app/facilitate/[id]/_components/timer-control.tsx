"use client";

import { useTranslations } from "next-intl";
import { useState } from "react";

import { describeClock, formatClock, useCountdown } from "../../../_components/session-clock";
import { Alert, buttonClass, Card, inputClass } from "../../../_components/ui";

export type TimerCommand =
  { type: "start"; seconds: number } | { type: "pause" } | { type: "resume" } | { type: "clear" };

const presetMinutes = [2, 5, 10] as const;

export function TimerControl({
  endsAt,
  pausedRemainingMs,
  ended,
  pending,
  error,
  onCommand,
}: {
  endsAt: Date | null;
  pausedRemainingMs: number | null;
  ended: boolean;
  pending: boolean;
  error: string | undefined;
  onCommand: (command: TimerCommand) => void;
}) {
  const t = useTranslations("facilitate.timer");
  const tc = useTranslations("common");
  const countdown = useCountdown(endsAt, pausedRemainingMs);
  const [customMinutes, setCustomMinutes] = useState("");
  const [customError, setCustomError] = useState(false);
  const locked = ended || pending;

  const status = t(countdown.kind);
  const shown =
    countdown.kind === "running" || countdown.kind === "paused"
      ? formatClock(countdown.remainingMs)
      : "0:00";

  function startCustom(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const minutes = Number(customMinutes);
    if (!customMinutes.trim() || !Number.isFinite(minutes) || minutes < 1 || minutes > 240) {
      setCustomError(true);
      return;
    }
    setCustomError(false);
    onCommand({ type: "start", seconds: Math.round(minutes * 60) });
  }

  return (
    <Card className="flex flex-col gap-4">
      <h2 className="text-lg font-semibold">{t("heading")}</h2>
      {countdown.kind === "none" ? (
        // No clock at all when nothing runs: a "–:––" reads as a stuck timer.
        <p className="rounded-xl bg-raised px-4 py-3 font-semibold text-muted">{status}</p>
      ) : (
        <div
          className={`flex items-baseline justify-between gap-3 rounded-xl px-4 py-3 ${
            countdown.kind === "done" ? "bg-danger-soft text-danger" : "bg-raised"
          }`}
        >
          <span
            role="timer"
            aria-label={
              countdown.kind === "running" || countdown.kind === "paused"
                ? t("left", { time: describeClock(tc, countdown.remainingMs) })
                : status
            }
            className="text-4xl font-bold tabular-nums"
          >
            {shown}
          </span>
          <span className="text-sm font-semibold">{status}</span>
        </div>
      )}

      {countdown.kind !== "none" && (
        <div className="flex flex-wrap gap-2">
          {countdown.kind === "running" && (
            <button
              type="button"
              className={buttonClass("secondary")}
              disabled={locked}
              onClick={() => onCommand({ type: "pause" })}
            >
              {t("pause")}
            </button>
          )}
          {countdown.kind === "paused" && (
            <button
              type="button"
              className={buttonClass("primary")}
              disabled={locked}
              onClick={() => onCommand({ type: "resume" })}
            >
              {t("resume")}
            </button>
          )}
          <button
            type="button"
            className={buttonClass("secondary")}
            disabled={locked}
            onClick={() => onCommand({ type: "clear" })}
          >
            {t("clear")}
          </button>
        </div>
      )}

      <fieldset className="flex flex-col gap-2" disabled={locked}>
        <legend className="mb-2 text-sm font-medium text-muted">
          {countdown.kind === "none" ? t("start") : t("startNew")}
        </legend>
        <div className="grid grid-cols-3 gap-2">
          {presetMinutes.map((minutes) => (
            <button
              key={minutes}
              type="button"
              className={`${buttonClass("secondary")} px-2 whitespace-nowrap`}
              onClick={() => onCommand({ type: "start", seconds: minutes * 60 })}
            >
              {t("preset", { minutes })}
            </button>
          ))}
        </div>
        <form onSubmit={startCustom} className="flex items-end gap-2" noValidate>
          <div className="flex min-w-0 flex-1 flex-col gap-1">
            <label htmlFor="timer-minutes" className="text-sm font-medium">
              {t("otherLength")}
            </label>
            <input
              id="timer-minutes"
              name="minutes"
              type="number"
              inputMode="decimal"
              min={1}
              max={240}
              step="any"
              value={customMinutes}
              onChange={(event) => setCustomMinutes(event.target.value)}
              aria-invalid={customError ? true : undefined}
              aria-describedby={customError ? "timer-minutes-error" : undefined}
              className={inputClass}
            />
          </div>
          <button type="submit" className={buttonClass("primary")}>
            {t("startButton")}
          </button>
        </form>
        {customError && (
          <p id="timer-minutes-error" className="text-sm font-medium text-danger">
            {t("customError")}
          </p>
        )}
      </fieldset>
      {error && <Alert tone="error">{error}</Alert>}
    </Card>
  );
}
