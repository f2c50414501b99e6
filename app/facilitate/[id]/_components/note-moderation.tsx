"use client";

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
  action: "Hide" | "Unhide";
  pending: boolean;
  locked: boolean;
  onToggle: (note: LiveNote) => void;
}) {
  const author = note.author ?? "Anonymous";
  return (
    <li className="flex items-start justify-between gap-3 rounded-lg border border-line bg-surface p-3">
      <div className="flex min-w-0 flex-col gap-1">
        {context && (
          <p className="text-xs font-semibold tracking-wide text-muted uppercase">{context}</p>
        )}
        <p className="break-words whitespace-pre-line">{note.body}</p>
        <p className="text-sm text-muted">
          <span className={note.author ? "" : "italic"}>{author}</span> ·{" "}
          <span aria-label={`${note.upvotes} upvote${note.upvotes === 1 ? "" : "s"}`}>
            <span aria-hidden="true">▲ {note.upvotes}</span>
          </span>
        </p>
      </div>
      <button
        type="button"
        className={`${buttonClass("secondary")} min-h-9 shrink-0 px-3 text-sm`}
        disabled={pending || locked}
        aria-label={`${action} note by ${author}: ${note.body.slice(0, 60)}`}
        onClick={() => onToggle(note)}
      >
        {pending ? `${action === "Hide" ? "Hiding" : "Showing"}…` : action}
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
  const groups = groupNotesByPractice(practices, notes);
  return (
    <div className="flex flex-col gap-4">
      <p className="text-muted">
        {notes.length === 0
          ? "No notes yet. People write them on their phones; they appear here and on the big screen as they come in."
          : `${notes.length} note${notes.length === 1 ? "" : "s"} on the big screen, most upvoted first. Hide any that shouldn't be there.`}
      </p>
      {error && <Alert tone="error">{error}</Alert>}
      {groups.map((group) => {
        const title = group.practice?.title ?? "About the essay as a whole";
        return (
          <section key={group.practice?.id ?? "general"} className="flex flex-col gap-2">
            <h3 className="flex items-baseline justify-between gap-3 font-semibold">
              <span>{title}</span>
              <span className="shrink-0 text-sm font-normal text-muted">
                {group.notes.length === 0
                  ? "no notes"
                  : `${group.notes.length} note${group.notes.length === 1 ? "" : "s"}`}
              </span>
            </h3>
            {group.notes.length > 0 && (
              <ul className="flex flex-col gap-2">
                {group.notes.map((note) => (
                  <NoteRow
                    key={note.id}
                    note={note}
                    action="Hide"
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
  if (notes.length === 0) return null;
  const practiceTitle = new Map(practices.map((p) => [p.id, p.title]));
  return (
    <Card className="flex flex-col gap-3">
      <div>
        <h2 className="text-lg font-semibold">Hidden notes ({notes.length})</h2>
        <p className="text-sm text-muted">Only you see these. Phones and the big screen don’t.</p>
      </div>
      {error && <Alert tone="error">{error}</Alert>}
      <ul className="flex flex-col gap-2">
        {notes.map((note) => (
          <NoteRow
            key={note.id}
            note={note}
            context={
              (note.practiceId && practiceTitle.get(note.practiceId)) || "The essay as a whole"
            }
            action="Unhide"
            pending={pendingId === note.id}
            locked={locked}
            onToggle={onUnhide}
          />
        ))}
      </ul>
    </Card>
  );
}
