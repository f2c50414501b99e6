"use client";

import { useQuery } from "@tanstack/react-query";

import type { LineChange, PracticeChange } from "~/server/content/diff";

import { ListSkeleton } from "../../../../../_components/list-skeleton";
import { Alert } from "../../../../../_components/ui";
import { useTRPC } from "../../../../../_trpc/client";

const lineLook: Record<LineChange["kind"], { sign: string; label: string; className: string }> = {
  same: { sign: " ", label: "", className: "text-muted" },
  added: { sign: "+", label: "Added: ", className: "bg-ok-soft text-ok" },
  removed: { sign: "−", label: "Removed: ", className: "bg-danger-soft text-danger line-through" },
};

/** Unchanged runs longer than this fold down to their ends. */
const context = 2;

function LineDiff({ lines, label }: { lines: LineChange[]; label: string }) {
  if (lines.every((line) => line.kind === "same")) return <p className="text-muted">No changes.</p>;
  const near = lines.map((_, i) =>
    lines.slice(Math.max(0, i - context), i + context + 1).some((l) => l.kind !== "same"),
  );
  return (
    <ol
      aria-label={label}
      className="overflow-x-auto rounded-lg border border-line font-mono text-sm"
    >
      {lines.map((line, i) =>
        near[i] ? (
          <li
            key={i}
            className={`flex gap-2 px-3 py-0.5 whitespace-pre-wrap ${lineLook[line.kind].className}`}
          >
            <span aria-hidden="true" className="w-3 shrink-0 select-none">
              {lineLook[line.kind].sign}
            </span>
            <span className="min-w-0 break-words">
              <span className="sr-only">{lineLook[line.kind].label}</span>
              {line.text || " "}
            </span>
          </li>
        ) : near[i - 1] ? (
          <li key={i} className="px-3 py-0.5 text-muted" aria-label="Unchanged lines">
            …
          </li>
        ) : null,
      )}
    </ol>
  );
}

function describe(change: PracticeChange) {
  if (change.change === "added") return `Added “${change.title}”`;
  if (change.change === "removed") return `Removed “${change.title}”`;
  const parts = [
    change.previousTitle && `renamed from “${change.previousTitle}”`,
    change.descriptionChanged && "description changed",
    change.moved && "moved",
  ].filter(Boolean);
  return `“${change.title}”: ${parts.join(", ")}`;
}

/** What changed between two versions: title, essay text by line, practices by identity, prompts. */
export function VersionDiffView(props: {
  essayId: string;
  fromVersionId: string;
  toVersionId: string;
}) {
  const trpc = useTRPC();
  const diff = useQuery(trpc.adminContent.diff.queryOptions(props));
  if (diff.error) return <Alert tone="error">{diff.error.message}</Alert>;
  if (!diff.data) return <ListSkeleton />;
  const { data } = diff;
  const practiceChanges = data.practices.filter((p) => p.change !== "unchanged");
  return (
    <div className="flex flex-col gap-6" aria-live="polite">
      <p className="font-medium">
        Changes from version {data.from} to version {data.to}
      </p>
      {data.title && (
        <section>
          <h3 className="mb-2 font-semibold">Title</h3>
          <p>
            “{data.title.before}” → “{data.title.after}”
          </p>
        </section>
      )}
      <section>
        <h3 className="mb-2 font-semibold">Practices</h3>
        {practiceChanges.length === 0 ? (
          <p className="text-muted">No changes.</p>
        ) : (
          <ul aria-label="Practice changes" className="flex list-disc flex-col gap-1 pl-5">
            {practiceChanges.map((change) => (
              <li key={change.practiceId}>{describe(change)}</li>
            ))}
          </ul>
        )}
      </section>
      <section>
        <h3 className="mb-2 font-semibold">Essay text</h3>
        <LineDiff lines={data.lines} label="Essay text changes" />
      </section>
      <section>
        <h3 className="mb-2 font-semibold">Discussion prompts</h3>
        <LineDiff lines={data.prompts} label="Prompt changes" />
      </section>
    </div>
  );
}
