"use client";

import { useQuery } from "@tanstack/react-query";

import { LocalDate } from "../../../../_components/local-date";
import { Alert } from "../../../../_components/ui";
import { useTRPC } from "../../../../_trpc/client";
import { formatDay, statusLabel } from "../_lib/board-words";
import type { BoardOptions, HistoryEvent } from "../_lib/types";

/** Every change of an action, oldest first: who, what, when. */
export function ActionHistory({ actionId, options }: { actionId: string; options: BoardOptions }) {
  const trpc = useTRPC();
  const history = useQuery(trpc.board.history.queryOptions({ actionId }));
  if (history.isPending) {
    return (
      <ul aria-busy="true" aria-label="Loading the history" className="flex flex-col gap-2">
        {[0, 1].map((i) => (
          <li key={i} className="h-10 animate-pulse rounded-lg bg-raised" />
        ))}
      </ul>
    );
  }
  if (history.isError) {
    return <Alert tone="error">The history didn&apos;t load: {history.error.message}</Alert>;
  }
  if (history.data.length === 0) return <p className="text-muted">No changes recorded yet.</p>;

  const names = new Map<string, string>();
  for (const person of [...options.owners, ...options.members]) names.set(person.id, person.name);
  const practices = new Map(options.practices.map((p) => [p.id, p.title]));

  return (
    <ol
      aria-label="Changes, oldest first"
      className="flex flex-col gap-2 border-l-2 border-line pl-4"
    >
      {history.data.map((event) => (
        <li key={event.id} className="flex flex-col text-sm">
          <span>
            <span className="font-semibold">{event.actor ?? "Someone"}</span>{" "}
            {describeEvent(event, names, practices)}
          </span>
          <span className="text-muted">
            <LocalDate date={event.at} withTime />
          </span>
        </li>
      ))}
    </ol>
  );
}

type Names = Map<string, string>;

const verbs: Record<string, string> = {
  proposed: "proposed it",
  created: "created it",
  edited: "changed",
  moved: "moved it",
  kept: "kept it for the board",
  dropped: "dropped it",
  merged: "merged it into another action",
  "merged-in": "merged a duplicate into it",
  reviewed: "reviewed it",
};

/** "moved it from To do to Doing", "changed the title from “a” to “b”", … */
export function describeEvent(event: HistoryEvent, names: Names, practices: Names): string {
  const changes = Object.entries(event.changes);
  const verb = verbs[event.kind] ?? event.kind;
  if (event.kind === "moved") {
    const [from, to] = event.changes.status ?? [];
    return `moved it from ${word(statusLabel, from)} to ${word(statusLabel, to)}`;
  }
  if (event.kind !== "edited" && event.kind !== "reviewed") return verb;
  const parts = changes.map(([field, [before, after]]) =>
    describeChange(field, before, after, names, practices),
  );
  if (parts.length === 0) return verb;
  return `${event.kind === "edited" ? "changed" : "reviewed it:"} ${parts.join("; ")}`;
}

function word(labels: Record<string, string>, value: unknown) {
  return typeof value === "string" ? (labels[value] ?? value) : "nowhere";
}

function describeChange(
  field: string,
  before: unknown,
  after: unknown,
  names: Names,
  practices: Names,
): string {
  const text = (value: unknown) => (typeof value === "string" ? value : "");
  switch (field) {
    case "title":
      return `the title from “${text(before)}” to “${text(after)}”`;
    case "details":
      return after ? "the details" : "the details (cleared them)";
    case "ownerId": {
      const person = (value: unknown) =>
        typeof value === "string" ? (names.get(value) ?? "a former member") : "nobody";
      return `the owner from ${person(before)} to ${person(after)}`;
    }
    case "dueOn": {
      const day = (value: unknown) => (typeof value === "string" ? formatDay(value) : "no date");
      return `the due date from ${day(before)} to ${day(after)}`;
    }
    case "status":
      return `the column from ${word(statusLabel, before)} to ${word(statusLabel, after)}`;
    case "practiceId": {
      const practice = (value: unknown) =>
        typeof value === "string" ? `“${practices.get(value) ?? "another practice"}”` : "none";
      return `the practice from ${practice(before)} to ${practice(after)}`;
    }
    case "review": {
      const outcome = { done: "done", carried: "carried over", dropped: "dropped" };
      return `marked it ${word(outcome, after)} in a session review`;
    }
    default:
      return field;
  }
}
