"use client";

import { useQuery } from "@tanstack/react-query";
import { useTranslations } from "next-intl";

import { LocalDate } from "../../../../_components/local-date";
import { Alert } from "../../../../_components/ui";
import { useTRPC } from "../../../../_trpc/client";
import { useBoardWords, type BoardWords } from "../_lib/board-words";
import type { BoardOptions, HistoryEvent } from "../_lib/types";

/** Every change of an action, oldest first: who, what, when. */
export function ActionHistory({ actionId, options }: { actionId: string; options: BoardOptions }) {
  const t = useTranslations("teams.history");
  const words = useBoardWords();
  const trpc = useTRPC();
  const history = useQuery(trpc.board.history.queryOptions({ actionId }));
  if (history.isPending) {
    return (
      <ul aria-busy="true" aria-label={t("loading")} className="flex flex-col gap-2">
        {[0, 1].map((i) => (
          <li key={i} className="h-10 animate-pulse rounded-lg bg-raised" />
        ))}
      </ul>
    );
  }
  if (history.isError) {
    return <Alert tone="error">{t("failed", { error: history.error.message })}</Alert>;
  }
  if (history.data.length === 0) return <p className="text-muted">{t("empty")}</p>;

  const names = new Map<string, string>();
  for (const person of [...options.owners, ...options.members]) names.set(person.id, person.name);
  const practices = new Map(options.practices.map((p) => [p.id, p.title]));

  return (
    <ol aria-label={t("label")} className="flex flex-col gap-2 border-l-2 border-line pl-4">
      {history.data.map((event) => (
        <li key={event.id} className="flex flex-col text-sm">
          <span>
            {t.rich("event", {
              actor: event.actor ?? t("someone"),
              what: describeEvent(event, { t, words, names, practices }),
              strong: (chunks) => <span className="font-semibold">{chunks}</span>,
            })}
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
type HistoryTranslator = ReturnType<typeof useTranslations<"teams.history">>;

/** What describing a change needs: the words, and the names of people and practices by id. */
interface Context {
  t: HistoryTranslator;
  words: BoardWords;
  names: Names;
  practices: Names;
}

const verbKeys = {
  proposed: "verbs.proposed",
  created: "verbs.created",
  edited: "verbs.edited",
  moved: "verbs.moved",
  kept: "verbs.kept",
  dropped: "verbs.dropped",
  merged: "verbs.merged",
  "merged-in": "verbs.mergedIn",
  reviewed: "verbs.reviewed",
} as const;

const outcomeKeys = {
  done: "outcomes.done",
  carried: "outcomes.carried",
  dropped: "outcomes.dropped",
} as const;

const hasKey = <T extends object>(keys: T, value: string): value is Extract<keyof T, string> =>
  Object.hasOwn(keys, value);

/** "moved it from To do to Doing", "changed the title from “a” to “b”", … */
export function describeEvent(event: HistoryEvent, context: Context): string {
  const { t, words } = context;
  const changes = Object.entries(event.changes);
  const verb = hasKey(verbKeys, event.kind) ? t(verbKeys[event.kind]) : event.kind;
  const column = (value: unknown) =>
    typeof value === "string" ? words.statusLabel(value) : t("nowhere");
  if (event.kind === "moved") {
    const [from, to] = event.changes.status ?? [];
    return t("movedFromTo", { from: column(from), to: column(to) });
  }
  if (event.kind !== "edited" && event.kind !== "reviewed") return verb;
  const parts = changes.map(([field, [before, after]]) =>
    describeChange(field, before, after, context),
  );
  if (parts.length === 0) return verb;
  const list = parts.join(t("changeJoiner"));
  return event.kind === "edited"
    ? t("changed", { changes: list })
    : t("reviewedWith", { changes: list });
}

function describeChange(field: string, before: unknown, after: unknown, context: Context): string {
  const { t, words, names, practices } = context;
  const text = (value: unknown) => (typeof value === "string" ? value : "");
  switch (field) {
    case "title":
      return t("titleChange", { before: text(before), after: text(after) });
    case "details":
      return after ? t("detailsChange") : t("detailsCleared");
    case "ownerId": {
      const person = (value: unknown) =>
        typeof value === "string" ? (names.get(value) ?? t("formerMember")) : t("nobody");
      return t("ownerChange", { before: person(before), after: person(after) });
    }
    case "dueOn": {
      const day = (value: unknown) =>
        typeof value === "string" ? words.formatDay(value) : t("noDate");
      return t("dueChange", { before: day(before), after: day(after) });
    }
    case "status": {
      const column = (value: unknown) =>
        typeof value === "string" ? words.statusLabel(value) : t("nowhere");
      return t("columnChange", { before: column(before), after: column(after) });
    }
    case "practiceId": {
      const practice = (value: unknown) =>
        typeof value === "string"
          ? t("quotedPractice", { title: practices.get(value) ?? t("anotherPractice") })
          : t("noPractice");
      return t("practiceChange", { before: practice(before), after: practice(after) });
    }
    case "review": {
      const outcome =
        typeof after !== "string"
          ? t("nowhere")
          : hasKey(outcomeKeys, after)
            ? t(outcomeKeys[after])
            : after;
      return t("reviewChange", { outcome });
    }
    default:
      return field;
  }
}
