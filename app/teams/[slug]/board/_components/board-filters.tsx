"use client";

import { useFormatter, useTranslations } from "next-intl";
import { useState, useSyncExternalStore } from "react";

import { buttonClass, inputClass } from "../../../../_components/ui";
import { hasFilters, noFilters, type BoardFilters } from "../_lib/filters";
import type { BoardOptions } from "../_lib/types";

const wideQuery = "(min-width: 40rem)";

function subscribeWide(onChange: () => void) {
  const query = window.matchMedia(wideQuery);
  query.addEventListener("change", onChange);
  return () => query.removeEventListener("change", onChange);
}

/**
 * Whether the screen is at least Tailwind's `sm` wide. The server assumes it is: filters start
 * open, and a phone folds them away once it hydrates.
 */
function useWide() {
  return useSyncExternalStore(
    subscribeWide,
    () => window.matchMedia(wideQuery).matches,
    () => true,
  );
}

/** Owner, practice and session pickers; each change applies at once and lands in the address. */
export function BoardFilterBar({
  options,
  filters,
  onChange,
  busy,
}: {
  options: BoardOptions;
  filters: BoardFilters;
  onChange: (filters: BoardFilters) => void;
  busy: boolean;
}) {
  const t = useTranslations("teams.filters");
  const format = useFormatter();
  const wide = useWide();
  // On a phone the three pickers would fill the first screen: they fold into a "Filters"
  // disclosure there, closed until opened. From `sm` up they are always shown.
  const [openOnPhone, setOpenOnPhone] = useState(false);
  const active = Object.values(filters).filter(Boolean).length;
  const pickers = [
    {
      key: "ownerId",
      label: t("owner"),
      all: t("allOwners"),
      choices: options.owners.map((o) => ({ id: o.id, text: o.name })),
    },
    {
      key: "practiceId",
      label: t("practice"),
      all: t("allPractices"),
      choices: options.practices.map((p) => ({ id: p.id, text: p.title })),
    },
    {
      key: "sessionId",
      label: t("session"),
      all: t("allSessions"),
      // Session days in UTC, like due dates: the server render and the browser agree.
      choices: options.sessions.map((s) => ({
        id: s.id,
        text: t("sessionOption", {
          title: s.title,
          date: format.dateTime(s.createdAt, { dateStyle: "medium", timeZone: "UTC" }),
        }),
      })),
    },
  ] as const;

  return (
    <details
      open={wide || openOnPhone}
      onToggle={(event) => {
        if (!wide) setOpenOnPhone(event.currentTarget.open);
      }}
      className="group flex-1 lg:max-w-3xl"
    >
      <summary
        className={`${buttonClass("secondary")} w-full cursor-pointer list-none sm:hidden [&::-webkit-details-marker]:hidden`}
      >
        {active > 0 ? t("toggleActive", { count: active }) : t("toggle")}
        <svg
          aria-hidden="true"
          viewBox="0 0 16 16"
          className="size-4 transition-transform group-open:rotate-180"
          fill="none"
          stroke="currentColor"
          strokeWidth="2"
          strokeLinecap="round"
          strokeLinejoin="round"
        >
          <path d="m4 6 4 4 4-4" />
        </svg>
      </summary>
      <form
        aria-label={t("label")}
        aria-busy={busy || undefined}
        onSubmit={(event) => event.preventDefault()}
        className="mt-3 grid gap-3 sm:mt-0 sm:grid-cols-3"
      >
        {pickers.map((picker) => {
          const value = filters[picker.key];
          // A shared link may name an owner who no longer owns anything here: keep it selectable.
          const known = !value || picker.choices.some((c) => c.id === value);
          return (
            <div key={picker.key} className="flex min-w-0 flex-col gap-1.5">
              <label htmlFor={`filter-${picker.key}`} className="text-sm font-medium">
                {picker.label}
              </label>
              <select
                id={`filter-${picker.key}`}
                value={value ?? ""}
                onChange={(event) =>
                  onChange({ ...filters, [picker.key]: event.target.value || null })
                }
                className={`${inputClass} truncate`}
              >
                <option value="">{picker.all}</option>
                {!known && <option value={value}>{t("unknown")}</option>}
                {picker.choices.map((choice) => (
                  <option key={choice.id} value={choice.id}>
                    {choice.text}
                  </option>
                ))}
              </select>
            </div>
          );
        })}
        {hasFilters(filters) && (
          <button
            type="button"
            onClick={() => onChange(noFilters)}
            className="w-fit text-sm font-semibold text-accent underline underline-offset-4 sm:col-span-3"
          >
            {t("clear")}
          </button>
        )}
      </form>
    </details>
  );
}
