"use client";

import { inputClass } from "../../../../_components/ui";
import { hasFilters, noFilters, type BoardFilters } from "../_lib/filters";
import type { BoardOptions } from "../_lib/types";

const sessionDay = new Intl.DateTimeFormat("en", { dateStyle: "medium", timeZone: "UTC" });

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
  const pickers = [
    {
      key: "ownerId",
      label: "Owner",
      all: "All owners",
      choices: options.owners.map((o) => ({ id: o.id, text: o.name })),
    },
    {
      key: "practiceId",
      label: "Practice",
      all: "All practices",
      choices: options.practices.map((p) => ({ id: p.id, text: p.title })),
    },
    {
      key: "sessionId",
      label: "Session",
      all: "All sessions",
      choices: options.sessions.map((s) => ({
        id: s.id,
        text: `${s.title} (${sessionDay.format(s.createdAt)})`,
      })),
    },
  ] as const;

  return (
    <form
      aria-label="Filter the board"
      aria-busy={busy || undefined}
      onSubmit={(event) => event.preventDefault()}
      className="grid flex-1 gap-3 sm:grid-cols-3 lg:max-w-3xl"
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
              {!known && <option value={value}>No longer on the board</option>}
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
          Clear filters
        </button>
      )}
    </form>
  );
}
