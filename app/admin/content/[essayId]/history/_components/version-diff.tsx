"use client";

import { useQuery } from "@tanstack/react-query";
import { useTranslations } from "next-intl";

import type { LineChange, PracticeChange } from "~/server/content/diff";

import { ListSkeleton } from "../../../../../_components/list-skeleton";
import { Alert } from "../../../../../_components/ui";
import { useTRPC } from "../../../../../_trpc/client";

type DiffWords = ReturnType<typeof useTranslations<"admin.diff">>;

const lineLook: Record<
  LineChange["kind"],
  { sign: string; label: "added" | "removed" | null; className: string }
> = {
  same: { sign: " ", label: null, className: "text-muted" },
  added: { sign: "+", label: "added", className: "bg-ok-soft text-ok" },
  removed: { sign: "−", label: "removed", className: "bg-danger-soft text-danger line-through" },
};

/** Unchanged runs longer than this fold down to their ends. */
const context = 2;

function LineDiff({ lines, label }: { lines: LineChange[]; label: string }) {
  const t = useTranslations("admin.diff");
  if (lines.every((line) => line.kind === "same")) {
    return <p className="text-muted">{t("noChanges")}</p>;
  }
  const near = lines.map((_, i) =>
    lines.slice(Math.max(0, i - context), i + context + 1).some((l) => l.kind !== "same"),
  );
  return (
    <ol
      aria-label={label}
      className="overflow-x-auto rounded-lg border border-line font-mono text-sm"
    >
      {lines.map((line, i) => {
        const look = lineLook[line.kind];
        return near[i] ? (
          <li key={i} className={`flex gap-2 px-3 py-0.5 whitespace-pre-wrap ${look.className}`}>
            <span aria-hidden="true" className="w-3 shrink-0 select-none">
              {look.sign}
            </span>
            <span className="min-w-0 break-words">
              {look.label && <span className="sr-only">{t(look.label)} </span>}
              {line.text || " "}
            </span>
          </li>
        ) : near[i - 1] ? (
          <li key={i} className="px-3 py-0.5 text-muted" aria-label={t("unchangedLines")}>
            …
          </li>
        ) : null;
      })}
    </ol>
  );
}

function describe(change: PracticeChange, t: DiffWords) {
  if (change.change === "added") return t("practiceAdded", { title: change.title });
  if (change.change === "removed") return t("practiceRemoved", { title: change.title });
  const parts = [
    change.previousTitle && t("renamedFrom", { title: change.previousTitle }),
    change.descriptionChanged && t("descriptionChanged"),
    change.moved && t("moved"),
  ].filter(Boolean);
  return t("practiceChanged", { title: change.title, changes: parts.join(", ") });
}

/** What changed between two versions: title, essay text by line, practices by identity, prompts. */
export function VersionDiffView(props: {
  essayId: string;
  fromVersionId: string;
  toVersionId: string;
}) {
  const t = useTranslations("admin.diff");
  const trpc = useTRPC();
  const diff = useQuery(trpc.adminContent.diff.queryOptions(props));
  if (diff.error) return <Alert tone="error">{diff.error.message}</Alert>;
  if (!diff.data) return <ListSkeleton />;
  const { data } = diff;
  const practiceChanges = data.practices.filter((p) => p.change !== "unchanged");
  return (
    <div className="flex flex-col gap-6" aria-live="polite">
      <p className="font-medium">{t("heading", { from: data.from, to: data.to })}</p>
      {data.title && (
        <section>
          <h3 className="mb-2 font-semibold">{t("title")}</h3>
          <p>
            “{data.title.before}” → “{data.title.after}”
          </p>
        </section>
      )}
      <section>
        <h3 className="mb-2 font-semibold">{t("practices")}</h3>
        {practiceChanges.length === 0 ? (
          <p className="text-muted">{t("noChanges")}</p>
        ) : (
          <ul aria-label={t("practiceChanges")} className="flex list-disc flex-col gap-1 pl-5">
            {practiceChanges.map((change) => (
              <li key={change.practiceId}>{describe(change, t)}</li>
            ))}
          </ul>
        )}
      </section>
      <section>
        <h3 className="mb-2 font-semibold">{t("essayText")}</h3>
        <LineDiff lines={data.lines} label={t("essayTextChanges")} />
      </section>
      <section>
        <h3 className="mb-2 font-semibold">{t("prompts")}</h3>
        <LineDiff lines={data.prompts} label={t("promptChanges")} />
      </section>
    </div>
  );
}
