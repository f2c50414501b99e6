"use client";

import { useMutation } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { useState } from "react";

import { votingMethods, type VotingMethod } from "~/db/schema/stage-list";

import { Alert, buttonClass, inputClass } from "../../../_components/ui";
import { methodInstructions, methodLabel } from "../../../_components/voting/method-labels";
import { useTRPC } from "../../../_trpc/client";
import type { SessionDetails } from "../../_lib/live-types";

/**
 * Sets up a voting round: the method, its budget, and which practices are on the ballot (all of
 * them, or a run-off among a few). Opening it puts the ballot on every phone at once.
 */
export function OpenRoundForm({
  details,
  preselected,
  submitLabel,
}: {
  details: SessionDetails;
  /** Practices ticked at first, e.g. the leaders of the last round for a run-off. */
  preselected?: string[];
  /** The button's words; "Open voting" unless given. */
  submitLabel?: string;
}) {
  const t = useTranslations("facilitate");
  const tc = useTranslations("common");
  const trpc = useTRPC();
  const open = useMutation(trpc.voting.open.mutationOptions());
  const [method, setMethod] = useState<VotingMethod>(details.settings.votingMethod);
  const [dots, setDots] = useState(details.settings.dots);
  const [maxDots, setMaxDots] = useState(details.settings.maxDotsPerPractice);
  const practices = details.content.practices;
  const [chosen, setChosen] = useState(
    () => new Set(preselected ?? practices.map((practice) => practice.id)),
  );
  const all = chosen.size === practices.length;

  return (
    <form
      className="flex flex-col gap-4"
      onSubmit={(event) => {
        event.preventDefault();
        open.mutate({
          sessionId: details.id,
          method,
          dots,
          maxDotsPerPractice: maxDots,
          practiceIds: all ? null : [...chosen],
        });
      }}
    >
      <fieldset className="flex flex-col gap-2">
        <legend className="mb-1 font-semibold">{t("round.method")}</legend>
        {votingMethods.map((option) => (
          <label
            key={option}
            className="flex cursor-pointer items-start gap-3 rounded-xl border border-line p-3 has-[:checked]:border-accent has-[:checked]:bg-raised"
          >
            <input
              type="radio"
              name="method"
              value={option}
              checked={method === option}
              onChange={() => setMethod(option)}
              className="mt-1 size-4"
            />
            <span>
              <span className="block font-medium">{methodLabel(tc, option)}</span>
              <span className="text-sm text-muted">
                {methodInstructions(tc, { method: option, dots, maxDotsPerPractice: maxDots })}
              </span>
            </span>
          </label>
        ))}
      </fieldset>
      {method === "dots" && (
        <div className="grid grid-cols-2 gap-3">
          <label className="flex flex-col gap-1 text-sm font-medium">
            {t("round.dotsPerPerson")}
            <input
              type="number"
              min={1}
              max={20}
              value={dots}
              // An emptied field sends 0, which gets the server's sentence, not "NaN".
              onChange={(event) => setDots(event.target.valueAsNumber || 0)}
              className={inputClass}
            />
          </label>
          <label className="flex flex-col gap-1 text-sm font-medium">
            {t("round.mostOnOne")}
            <input
              type="number"
              min={1}
              max={20}
              value={maxDots}
              onChange={(event) => setMaxDots(event.target.valueAsNumber || 0)}
              className={inputClass}
            />
          </label>
        </div>
      )}
      <fieldset className="flex flex-col gap-1">
        <legend className="mb-1 font-semibold">
          {t("round.onBallot")}{" "}
          <span className="font-normal text-muted">
            {t("round.chosenCount", { chosen: chosen.size, total: practices.length })}
          </span>
        </legend>
        {practices.map((practice) => (
          <label key={practice.id} className="flex min-h-11 cursor-pointer items-center gap-3">
            <input
              type="checkbox"
              className="size-4"
              checked={chosen.has(practice.id)}
              onChange={(event) =>
                setChosen((previous) => {
                  const next = new Set(previous);
                  if (event.target.checked) next.add(practice.id);
                  else next.delete(practice.id);
                  return next;
                })
              }
            />
            {practice.title}
          </label>
        ))}
      </fieldset>
      {open.error && <Alert tone="error">{open.error.message}</Alert>}
      <div>
        <button
          type="submit"
          className={buttonClass("primary")}
          disabled={open.isPending || chosen.size < 2}
        >
          {open.isPending ? t("round.opening") : (submitLabel ?? t("round.open"))}
        </button>
        {chosen.size < 2 && <p className="mt-2 text-sm text-muted">{t("round.tickTwo")}</p>}
      </div>
    </form>
  );
}
