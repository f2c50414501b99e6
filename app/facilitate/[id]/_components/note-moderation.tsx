"use client";

import { useFormatter, useTranslations } from "next-intl";

import { Alert, buttonClass, Card } from "../../../_components/ui";
import { groupNotesByPractice, type LiveNote, type Practice } from "../../_lib/live-types";

function NoteRow({
  note,
  context,
  action,
  pending,
  locked,
  onToggle,
}: {
  note: LiveNote;
  /** The practice the note is about, where the list doesn't already say it. */
  context?: string;
  action: "hide" | "unhide";
  pending: boolean;
  locked: boolean;
  onToggle: (note: LiveNote) => void;
}) {
  const t = useTranslations("facilitate.notes");
  const format = useFormatter();
  const author = note.author ?? t("anonymous");
  return (
    <li className="flex items-start justify-between gap-3 rounded-lg border border-line bg-surface p-3">
      <div className="flex min-w-0 flex-col gap-1">
        {context && (
          <p className="text-xs font-semibold tracking-wide text-muted uppercase">{context}</p>
        )}
        <p className="break-words whitespace-pre-line">{note.body}</p>
        <p className="text-sm text-muted">
          <span className={note.author ? "" : "italic"}>{author}</span> ·{" "}
          <span aria-label={t("upvotes", { count: note.upvotes })}>
            <span aria-hidden="true">▲ {format.number(note.upvotes)}</span>
          </span>
        </p>
      </div>
      <button
        type="button"
        className={`${buttonClass("secondary")} min-h-9 shrink-0 px-3 text-sm`}
        disabled={pending || locked}
        aria-label={t(action === "hide" ? "hideLabel" : "unhideLabel", {
          author,
          excerpt: note.body.slice(0, 60),
        })}
        onClick={() => onToggle(note)}
      >
        {pending ? t(action === "hide" ? "hiding" : "showing") : t(action)}
      </button>
    </li>
  );
}

/** The discuss stage: every visible note under its practice, each one a click from hidden. */
export function DiscussNotes({
  practices,
  notes,
  pendingId,
  locked,
  error,
  onHide,
}: {
  practices: Practice[];
  notes: LiveNote[];
  pendingId: string | undefined;
  locked: boolean;
  error: string | undefined;
  onHide: (note: LiveNote) => void;
}) {
  const t = useTranslations("facilitate.notes");
  const groups = groupNotesByPractice(practices, notes);
  return (
    <div className="flex flex-col gap-4">
      <p className="text-muted">
        {notes.length === 0 ? t("none") : t("count", { count: notes.length })}
      </p>
      {error && <Alert tone="error">{error}</Alert>}
      {groups.map((group) => {
        const title = group.practice?.title ?? t("aboutEssay");
        return (
          <section key={group.practice?.id ?? "general"} className="flex flex-col gap-2">
            <h3 className="flex items-baseline justify-between gap-3 font-semibold">
              <span>{title}</span>
              <span className="shrink-0 text-sm font-normal text-muted">
                {group.notes.length === 0
                  ? t("groupNone")
                  : t("groupCount", { count: group.notes.length })}
              </span>
            </h3>
            {group.notes.length > 0 && (
              <ul className="flex flex-col gap-2">
                {group.notes.map((note) => (
                  <NoteRow
                    key={note.id}
                    note={note}
                    action="hide"
                    pending={pendingId === note.id}
                    locked={locked}
                    onToggle={onHide}
                  />
                ))}
              </ul>
            )}
          </section>
        );
      })}
    </div>
  );
}

/** Notes the facilitator hid: out of the room's sight, and a click from coming back. */
export function HiddenNotes({
  practices,
  notes,
  pendingId,
  locked,
  error,
  onUnhide,
}: {
  practices: Practice[];
  notes: LiveNote[];
  pendingId: string | undefined;
  locked: boolean;
  error: string | undefined;
  onUnhide: (note: LiveNote) => void;
}) {
  const t = useTranslations("facilitate.notes");
  if (notes.length === 0) return null;
  const practiceTitle = new Map(practices.map((p) => [p.id, p.title]));
  return (
    <Card className="flex flex-col gap-3">
      <div>
        <h2 className="text-lg font-semibold">{t("hiddenHeading", { count: notes.length })}</h2>
        <p className="text-sm text-muted">{t("hiddenLead")}</p>
      </div>
      {error && <Alert tone="error">{error}</Alert>}
      <ul className="flex flex-col gap-2">
        {notes.map((note) => (
          <NoteRow
            key={note.id}
            note={note}
            context={(note.practiceId && practiceTitle.get(note.practiceId)) || t("wholeEssay")}
            action="unhide"
            pending={pendingId === note.id}
            locked={locked}
            onToggle={onUnhide}
          />
        ))}
      </ul>
    </Card>
  );
}
