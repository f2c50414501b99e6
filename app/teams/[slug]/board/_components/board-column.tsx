"use client";

import { useTranslations } from "next-intl";
import { useState, type ReactNode } from "react";

import type { BoardStatus } from "~/server/actions/inputs";

/** The card being dragged travels as plain text: its action id. */
export const dragType = "text/plain";

/** One column of the board: a drop target for cards, with its count and an empty state. */
export function BoardColumn({
  status,
  label,
  empty,
  count,
  accepts,
  onDropCard,
  children,
}: {
  status: BoardStatus;
  label: string;
  empty: string;
  count: number;
  /** Whether the card being dragged may land here (it's the viewer's to move, from elsewhere). */
  accepts: boolean;
  onDropCard: (actionId: string) => void;
  children: ReactNode;
}) {
  const t = useTranslations("teams.board");
  const [over, setOver] = useState(false);
  const labelId = `column-${status}-label`;
  return (
    <section
      aria-labelledby={labelId}
      onDragOver={(event) => {
        if (!accepts) return;
        event.preventDefault();
        event.dataTransfer.dropEffect = "move";
        if (!over) setOver(true);
      }}
      onDragLeave={(event) => {
        if (!event.currentTarget.contains(event.relatedTarget as Node | null)) setOver(false);
      }}
      onDrop={(event) => {
        event.preventDefault();
        setOver(false);
        const id = event.dataTransfer.getData(dragType);
        if (id) onDropCard(id);
      }}
      className={`flex min-h-40 min-w-0 flex-col gap-3 rounded-2xl border-2 p-3 transition-colors ${
        over
          ? "border-accent bg-raised"
          : accepts
            ? "border-dashed border-accent/60 bg-surface"
            : "border-transparent bg-raised/60"
      }`}
    >
      <h2 className="flex items-center justify-between gap-2 px-1 text-base font-semibold">
        <span id={labelId}>{label}</span>
        <span className="rounded-full border border-line bg-surface px-2.5 py-0.5 text-sm font-semibold tabular-nums">
          {count}
          <span className="sr-only"> {t("columnCount", { count })}</span>
        </span>
      </h2>
      {count > 0 ? (
        <ul aria-labelledby={labelId} className="flex flex-col gap-3">
          {children}
        </ul>
      ) : (
        <p className="rounded-xl border border-dashed border-line px-3 py-6 text-center text-sm text-muted">
          {empty}
        </p>
      )}
    </section>
  );
}
