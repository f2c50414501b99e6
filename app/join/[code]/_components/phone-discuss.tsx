"use client";

import { useState } from "react";

import type { RoomSnapshot } from "~/server/sessions/snapshot";

import { formText } from "../../../_components/form-data";
import { Alert, buttonClass, inputClass } from "../../../_components/ui";
import { errorMessage, phoneClient } from "./phone-client";
import type { PhoneState } from "./phone-session";

type Note = RoomSnapshot["notes"][number];

/** Discuss: write notes on a practice (or anonymously when allowed) and upvote others'. */
export function PhoneDiscuss({
  sessionId,
  room,
  state,
}: {
  sessionId: string;
  room: RoomSnapshot;
  state: PhoneState;
}) {
  const [own, setOwn] = useState(() => new Set(state.ownNoteIds));
  const [upvoted, setUpvoted] = useState(() => new Set(state.upvotedNoteIds));
  const [error, setError] = useState<string | null>(null);
  const [sent, setSent] = useState(false);
  const [pending, setPending] = useState(false);

  async function addNote(formData: FormData) {
    setPending(true);
    setError(null);
    setSent(false);
    try {
      const practiceId = formText(formData, "practiceId");
      const note = await phoneClient().participant.addNote.mutate({
        sessionId,
        practiceId: practiceId || null,
        body: formText(formData, "body"),
        anonymous: formData.get("anonymous") === "on",
      });
      setOwn((ids) => new Set(ids).add(note.id));
      setSent(true);
    } catch (failure) {
      setError(errorMessage(failure));
    } finally {
      setPending(false);
    }
  }

  async function toggleUpvote(note: Note) {
    const up = !upvoted.has(note.id);
    setError(null);
    try {
      await phoneClient().participant.upvote.mutate({ sessionId, noteId: note.id, up });
      setUpvoted((ids) => {
        const next = new Set(ids);
        if (up) next.add(note.id);
        else next.delete(note.id);
        return next;
      });
    } catch (failure) {
      setError(errorMessage(failure));
    }
  }

  const groups = [
    ...state.content.practices.map((p) => ({ id: p.id, title: p.title })),
    { id: null, title: "General" },
  ].map((group) => ({ ...group, notes: room.notes.filter((n) => n.practiceId === group.id) }));

  return (
    <div className="flex flex-col gap-5">
      <form
        action={addNote}
        className="flex flex-col gap-3 rounded-2xl border border-line bg-surface p-4"
      >
        <h2 className="text-lg font-semibold">Add a note</h2>
        {error && <Alert tone="error">{error}</Alert>}
        {sent && <Alert tone="success">Your note is on the board.</Alert>}
        <label className="flex flex-col gap-1.5">
          <span className="font-medium">About</span>
          <select name="practiceId" className={inputClass} defaultValue="">
            {state.content.practices.map((practice) => (
              <option key={practice.id} value={practice.id}>
                {practice.title}
              </option>
            ))}
            <option value="">General</option>
          </select>
        </label>
        <label className="flex flex-col gap-1.5">
          <span className="font-medium">Your note</span>
          <textarea
            name="body"
            required
            maxLength={500}
            rows={3}
            className={`${inputClass} py-2`}
            placeholder="What have you seen work, or hurt?"
          />
        </label>
        {room.session.anonymousNotes && (
          <label className="flex min-h-11 items-center gap-3">
            <input type="checkbox" name="anonymous" className="size-5" />
            <span>Post anonymously</span>
          </label>
        )}
        <button type="submit" className={buttonClass()} disabled={pending}>
          {pending ? "Posting…" : "Post note"}
        </button>
      </form>

      {groups.map((group) => (
        <section key={group.id ?? "general"} aria-labelledby={`notes-${group.id ?? "general"}`}>
          <h2 id={`notes-${group.id ?? "general"}`} className="mb-2 font-semibold">
            {group.title}{" "}
            <span className="text-sm font-normal text-muted">({group.notes.length})</span>
          </h2>
          {group.notes.length === 0 ? (
            <p className="text-sm text-muted">No notes yet.</p>
          ) : (
            <ul className="flex flex-col gap-2">
              {group.notes.map((note) => {
                const mine = own.has(note.id);
                const pressed = upvoted.has(note.id);
                return (
                  <li
                    key={note.id}
                    className="flex items-start gap-3 rounded-xl border border-line bg-surface p-3"
                  >
                    <div className="min-w-0 flex-1">
                      <p className="break-words whitespace-pre-wrap">{note.body}</p>
                      <p className="mt-1 text-sm text-muted">
                        {mine ? "You" : (note.author ?? "Anonymous")}
                      </p>
                    </div>
                    <button
                      type="button"
                      onClick={() => void toggleUpvote(note)}
                      disabled={mine}
                      aria-pressed={pressed}
                      aria-label={`Upvote (${note.upvotes})${mine ? ", your own note" : ""}`}
                      className="flex min-h-11 min-w-14 items-center justify-center gap-1 rounded-lg border border-line font-semibold aria-pressed:border-accent aria-pressed:bg-accent aria-pressed:text-on-accent disabled:opacity-50"
                    >
                      <span aria-hidden="true">▲</span> {note.upvotes}
                    </button>
                  </li>
                );
              })}
            </ul>
          )}
        </section>
      ))}
    </div>
  );
}
