"use client";

import { useTranslations } from "next-intl";
import { useEffect, useId, useRef, useState } from "react";

import type { BoardStatus } from "~/server/actions/inputs";

import { columns, useBoardWords } from "../_lib/board-words";
import type { BoardCard } from "../_lib/types";
import { dragType } from "./board-column";

/** The screen-reader hint every movable card points at (rendered once by the board). */
export const moveHintId = "board-move-hint";

const smallButton =
  "inline-flex min-h-11 items-center justify-center rounded-lg border border-line bg-surface px-3 text-sm font-semibold text-fg hover:bg-raised sm:min-h-9";

/**
 * One action on the board. Its owner and the team's facilitators may drag it, move it with the
 * arrow keys while it has the focus, or pick a column from "Move to…"; everyone else reads it.
 */
export function ActionCard({
  card,
  overdue,
  canEdit,
  previous,
  next,
  focusRequested,
  onFocused,
  onMove,
  onOpen,
  onDragStart,
  onDragEnd,
}: {
  card: BoardCard;
  overdue: boolean;
  canEdit: boolean;
  previous: BoardStatus | undefined;
  next: BoardStatus | undefined;
  /** Set after a move: the card (a new element in its new column) takes the focus back. */
  focusRequested: boolean;
  onFocused: () => void;
  onMove: (status: BoardStatus) => void;
  onOpen: () => void;
  onDragStart: () => void;
  onDragEnd: () => void;
}) {
  const t = useTranslations("teams.card");
  const { formatDay } = useBoardWords();
  const titleId = useId();
  const article = useRef<HTMLElement>(null);
  useEffect(() => {
    if (focusRequested) article.current?.focus();
  }, [focusRequested]);
  return (
    <li>
      <article
        ref={article}
        id={`action-${card.id}`}
        onFocus={(event) => {
          if (event.target === event.currentTarget) onFocused();
        }}
        aria-labelledby={titleId}
        aria-describedby={canEdit ? moveHintId : undefined}
        tabIndex={canEdit ? 0 : undefined}
        draggable={canEdit}
        onDragStart={(event) => {
          event.dataTransfer.setData(dragType, card.id);
          event.dataTransfer.effectAllowed = "move";
          onDragStart();
        }}
        onDragEnd={onDragEnd}
        onKeyDown={(event) => {
          // Only the card itself: arrows inside its menu or buttons keep their usual meaning.
          if (!canEdit || event.target !== event.currentTarget) return;
          const target =
            event.key === "ArrowLeft" ? previous : event.key === "ArrowRight" ? next : undefined;
          if (!target) return;
          event.preventDefault();
          onMove(target);
        }}
        className={`flex flex-col gap-3 rounded-xl border bg-surface p-3 ${
          // An inset stripe, not a wider border: the content stays where it is on every card.
          overdue
            ? "border-danger shadow-[inset_4px_0_0_var(--danger),0_1px_2px_0_rgb(0_0_0/0.05)]"
            : "border-line shadow-sm"
        } ${canEdit ? "cursor-grab active:cursor-grabbing" : ""}`}
      >
        <div className="flex flex-col gap-1.5">
          {overdue && (
            <span className="inline-flex w-fit items-center gap-1 rounded-full border border-danger bg-danger-soft px-2 py-0.5 text-xs font-semibold text-danger">
              <svg
                aria-hidden="true"
                viewBox="0 0 16 16"
                className="size-3.5 shrink-0"
                fill="none"
                stroke="currentColor"
                strokeWidth="1.75"
                strokeLinecap="round"
              >
                <circle cx="8" cy="8" r="6.25" />
                <path d="M8 4.75V8.5l2.25 1.5" />
              </svg>
              {t("overdue")}
            </span>
          )}
          <h3 id={titleId} className="font-semibold break-words">
            {card.title}
          </h3>
        </div>
        <dl className="grid grid-cols-[auto_minmax(0,1fr)] gap-x-2 gap-y-1 text-sm">
          <dt className="text-muted">{t("owner")}</dt>
          <dd className="break-words">
            {card.ownerName ?? <span className="text-muted">{t("nobody")}</span>}
          </dd>
          <dt className="text-muted">{t("due")}</dt>
          <dd className={overdue ? "font-semibold text-danger" : ""}>
            {card.dueOn ? formatDay(card.dueOn) : <span className="text-muted">{t("noDate")}</span>}
          </dd>
          {card.practiceTitle && (
            <>
              <dt className="text-muted">{t("practice")}</dt>
              <dd className="break-words">{card.practiceTitle}</dd>
            </>
          )}
          {card.sessionTitle && (
            <>
              <dt className="text-muted">{t("session")}</dt>
              <dd className="break-words">{card.sessionTitle}</dd>
            </>
          )}
        </dl>
        <div className="flex flex-wrap gap-2">
          {canEdit && <MoveMenu card={card} titleId={titleId} onMove={onMove} />}
          <button type="button" className={smallButton} aria-describedby={titleId} onClick={onOpen}>
            {canEdit ? t("edit") : t("details")}
          </button>
        </div>
      </article>
    </li>
  );
}

/** "Move to…": the columns this card isn't in, as buttons; Escape closes it. */
function MoveMenu({
  card,
  titleId,
  onMove,
}: {
  card: BoardCard;
  titleId: string;
  onMove: (status: BoardStatus) => void;
}) {
  const t = useTranslations("teams.card");
  const { statusLabel } = useBoardWords();
  const [open, setOpen] = useState(false);
  const toggle = useRef<HTMLButtonElement>(null);
  const menuId = useId();
  return (
    <div
      className="relative"
      onBlur={(event) => {
        if (!event.currentTarget.contains(event.relatedTarget)) setOpen(false);
      }}
      onKeyDown={(event) => {
        if (event.key === "Escape" && open) {
          event.stopPropagation();
          setOpen(false);
          toggle.current?.focus();
        }
      }}
    >
      <button
        ref={toggle}
        type="button"
        className={smallButton}
        aria-expanded={open}
        aria-controls={menuId}
        aria-describedby={titleId}
        onClick={() => setOpen((value) => !value)}
      >
        {t("moveTo")}
      </button>
      {open && (
        <ul
          id={menuId}
          className="absolute top-full left-0 z-20 mt-1 flex w-44 flex-col gap-1 rounded-lg border border-line bg-surface p-1 shadow-lg"
        >
          {columns
            .filter((column) => column.status !== card.status)
            .map((column) => (
              <li key={column.status}>
                <button
                  type="button"
                  className="flex min-h-11 w-full items-center rounded-md px-3 text-left text-sm font-medium hover:bg-raised sm:min-h-9"
                  onClick={() => {
                    setOpen(false);
                    onMove(column.status);
                  }}
                >
                  {statusLabel(column.status)}
                </button>
              </li>
            ))}
        </ul>
      )}
    </div>
  );
}
