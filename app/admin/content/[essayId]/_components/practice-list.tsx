"use client";

import { useTranslations } from "next-intl";
import { useEffect, useRef, useState } from "react";

import { moveItem, type EditorPractice } from "~/server/content/draft-edits";
import { contentLimits } from "~/server/content/draft-input";

import { ConfirmAction } from "../../../../_components/confirm-action";
import { buttonClass, inputClass } from "../../../../_components/ui";
import {
  destructiveButtonClass,
  growingTextareaClass,
  rowsFor,
} from "../../../_components/destructive";

const smallButton =
  "inline-flex min-h-11 min-w-11 items-center justify-center rounded-lg border border-line bg-surface px-2 text-sm font-semibold hover:bg-raised disabled:cursor-not-allowed disabled:opacity-40";

/**
 * The practices of the draft: edit, add, remove, and reorder by dragging the handle or with the
 * move buttons. Each move is announced, and focus stays on the button that moved the practice.
 */
export function PracticeList({
  practices,
  readOnly = false,
  onChange,
  onRemove,
  onAdd,
}: {
  practices: EditorPractice[];
  /** Shown but not editable; the text stays selectable (unlike in disabled fields). */
  readOnly?: boolean;
  onChange: (practices: EditorPractice[]) => void;
  onRemove: (key: string) => void;
  onAdd: () => void;
}) {
  const t = useTranslations("admin.practices");
  const practiceName = (p: EditorPractice, i: number) =>
    p.title.trim() || t("fallbackName", { number: i + 1 });
  const [announcement, setAnnouncement] = useState("");
  const [dragging, setDragging] = useState<string | null>(null);
  // The drag source, read by drop events that may fire before React re-renders.
  const dragSource = useRef<string | null>(null);
  const [dropTarget, setDropTarget] = useState<number | null>(null);
  const [focusAfterMove, setFocusAfterMove] = useState<{ key: string; up: boolean } | null>(null);

  useEffect(() => {
    if (!focusAfterMove) return;
    const { key, up } = focusAfterMove;
    const wanted = document.getElementById(`move-${up ? "up" : "down"}-${key}`);
    const other = document.getElementById(`move-${up ? "down" : "up"}-${key}`);
    (wanted instanceof HTMLButtonElement && !wanted.disabled ? wanted : other)?.focus();
  }, [focusAfterMove]);

  function move(from: number, to: number, focus?: { up: boolean }) {
    const practice = practices[from];
    if (!practice || to < 0 || to >= practices.length || from === to) return;
    onChange(moveItem(practices, from, to));
    setAnnouncement(
      t("moved", {
        name: practiceName(practice, from),
        position: to + 1,
        count: practices.length,
      }),
    );
    if (focus) setFocusAfterMove({ key: practice.key, ...focus });
  }

  function edit(key: string, change: Partial<EditorPractice>) {
    onChange(practices.map((p) => (p.key === key ? { ...p, ...change } : p)));
  }

  return (
    <div className="flex flex-col gap-3">
      <p role="status" aria-live="polite" className="sr-only">
        {announcement}
      </p>
      {practices.length === 0 && <p className="text-muted">{t("empty")}</p>}
      <ol className="flex flex-col gap-3" aria-label={t("label")}>
        {practices.map((practice, index) => {
          const name = practiceName(practice, index);
          return (
            <li
              key={practice.key}
              aria-label={name}
              onDragOver={(event) => {
                if (readOnly || dragSource.current === null) return;
                event.preventDefault();
                setDropTarget(index);
              }}
              onDrop={(event) => {
                event.preventDefault();
                const from = practices.findIndex((p) => p.key === dragSource.current);
                move(from, index);
                dragSource.current = null;
                setDragging(null);
                setDropTarget(null);
              }}
              className={`rounded-xl border bg-surface p-3 sm:p-4 ${
                dropTarget === index && dragging !== practice.key
                  ? "border-accent ring-2 ring-accent"
                  : "border-line"
              } ${dragging === practice.key ? "opacity-50" : ""}`}
            >
              <div className="mb-3 flex flex-wrap items-center gap-2">
                <span
                  draggable={!readOnly}
                  onDragStart={(event) => {
                    event.dataTransfer.effectAllowed = "move";
                    event.dataTransfer.setData("text/plain", practice.key);
                    dragSource.current = practice.key;
                    setDragging(practice.key);
                  }}
                  onDragEnd={() => {
                    dragSource.current = null;
                    setDragging(null);
                    setDropTarget(null);
                  }}
                  title={t("dragTitle")}
                  data-testid={`drag-${index}`}
                  className="inline-flex min-h-11 min-w-11 cursor-grab items-center justify-center rounded-lg border border-line text-muted select-none active:cursor-grabbing"
                >
                  <span aria-hidden="true">⠿</span>
                  <span className="sr-only">{t("dragHandle")}</span>
                </span>
                <span className="min-w-6 text-lg font-semibold tabular-nums">{index + 1}.</span>
                {practice.practiceId === null && (
                  <span className="rounded-full border border-accent px-2 text-xs font-medium text-accent">
                    {t("new")}
                  </span>
                )}
                <div className="ml-auto flex gap-2">
                  <button
                    type="button"
                    id={`move-up-${practice.key}`}
                    className={smallButton}
                    disabled={readOnly || index === 0}
                    aria-label={t("moveUp", { name })}
                    onClick={() => move(index, index - 1, { up: true })}
                  >
                    <span aria-hidden="true">↑</span>
                  </button>
                  <button
                    type="button"
                    id={`move-down-${practice.key}`}
                    className={smallButton}
                    disabled={readOnly || index === practices.length - 1}
                    aria-label={t("moveDown", { name })}
                    onClick={() => move(index, index + 1, { up: false })}
                  >
                    <span aria-hidden="true">↓</span>
                  </button>
                </div>
              </div>
              <div className="flex flex-col gap-3">
                <label className="flex flex-col gap-1.5">
                  <span className="font-medium">{t("title")}</span>
                  <input
                    id={`practice-title-${practice.key}`}
                    className={inputClass}
                    value={practice.title}
                    readOnly={readOnly}
                    required
                    maxLength={contentLimits.practiceTitle}
                    aria-invalid={practice.title.trim() === "" ? true : undefined}
                    onChange={(event) => edit(practice.key, { title: event.target.value })}
                  />
                </label>
                <label className="flex flex-col gap-1.5">
                  <span className="font-medium">{t("description")}</span>
                  <textarea
                    className={`${inputClass} ${growingTextareaClass}`}
                    rows={rowsFor(practice.description)}
                    value={practice.description}
                    readOnly={readOnly}
                    maxLength={contentLimits.practiceDescription}
                    onChange={(event) => edit(practice.key, { description: event.target.value })}
                  />
                </label>
                <div>
                  <ConfirmAction
                    label={t("remove")}
                    triggerAriaLabel={t("removeNamed", { name })}
                    question={t(
                      practice.practiceId ? "removePublishedQuestion" : "removeQuestion",
                      {
                        name,
                      },
                    )}
                    confirmLabel={t("remove")}
                    triggerClassName={destructiveButtonClass}
                    disabled={readOnly}
                    onConfirm={() => {
                      onRemove(practice.key);
                      setAnnouncement(t("removed", { name }));
                    }}
                  />
                </div>
              </div>
            </li>
          );
        })}
      </ol>
      <div className="flex flex-wrap items-center gap-3">
        <button
          type="button"
          className={buttonClass("secondary")}
          disabled={readOnly || practices.length >= contentLimits.practices}
          onClick={onAdd}
        >
          {t("add")}
        </button>
        {practices.length >= contentLimits.practices && (
          <p className="text-sm text-muted">{t("atMost", { max: contentLimits.practices })}</p>
        )}
      </div>
    </div>
  );
}
