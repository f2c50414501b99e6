"use client";

import { useFormatter, useTranslations } from "next-intl";
import { useState } from "react";

import type { RoomSnapshot } from "~/server/sessions/snapshot";

import { formText } from "../../../_components/form-data";
import { Alert, buttonClass, inputClass } from "../../../_components/ui";
import {
  newNoteClientId,
  shouldQueue,
  useOutbox,
  useOwnNoteIds,
  type Outbox,
} from "./offline-outbox";
import { QueuedNotes } from "./offline-status";
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
  const t = useTranslations("phone");
  const format = useFormatter();
  const outbox = useOutbox();
  const [own, setOwn] = useOwnNoteIds(state.ownNoteIds);
  const [upvoted, setUpvoted] = useState(() => new Set(state.upvotedNoteIds));
  const [error, setError] = useState<string | null>(null);
  const [sent, setSent] = useState(false);
  const [pending, setPending] = useState(false);

  async function addNote(formData: FormData) {
    setPending(true);
    setError(null);
    setSent(false);
    const practiceId = formText(formData, "practiceId");
    const note = {
      // The phone's id for the note: sent again (a retry, or from the outbox) it is stored once.
      clientId: newNoteClientId(),
      practiceId: practiceId || null,
      body: formText(formData, "body"),
      anonymous: formData.get("anonymous") === "on",
    };
    // Without a connection the note waits on this phone and is posted when it is back.
    const keepForLater = (box: Outbox) => box.add({ kind: "note", ...note, queuedAt: Date.now() });
    try {
      if (outbox && shouldQueue()) return keepForLater(outbox);
      const posted = await phoneClient().participant.addNote.mutate({ sessionId, ...note });
      setOwn((ids) => new Set(ids).add(posted.id));
      setSent(true);
    } catch (failure) {
      if (outbox && shouldQueue(failure)) keepForLater(outbox);
      else setError(errorMessage(failure, t("errors.network")));
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
      setError(errorMessage(failure, t("errors.network")));
    }
  }

  const groups = [
    ...state.content.practices.map((p) => ({ id: p.id, title: p.title })),
    { id: null, title: t("discuss.general") },
  ].map((group) => ({ ...group, notes: room.notes.filter((n) => n.practiceId === group.id) }));

  return (
    <div className="flex flex-col gap-5">
      <form
        action={addNote}
        className="flex flex-col gap-3 rounded-2xl border border-line bg-surface p-4"
      >
        <h2 className="text-lg font-semibold">{t("discuss.addTitle")}</h2>
        {error && <Alert tone="error">{error}</Alert>}
        {sent && <Alert tone="success">{t("discuss.sent")}</Alert>}
        <QueuedNotes />
        <label className="flex flex-col gap-1.5">
          <span className="font-medium">{t("discuss.about")}</span>
          <select name="practiceId" className={inputClass} defaultValue="">
            {state.content.practices.map((practice) => (
              <option key={practice.id} value={practice.id}>
                {practice.title}
              </option>
            ))}
            <option value="">{t("discuss.general")}</option>
          </select>
        </label>
        <label className="flex flex-col gap-1.5">
          <span className="font-medium">{t("discuss.noteLabel")}</span>
          <textarea
            name="body"
            required
            maxLength={500}
            rows={3}
            className={`${inputClass} py-2`}
            placeholder={t("discuss.placeholder")}
          />
        </label>
        {room.session.anonymousNotes && (
          <label className="flex min-h-11 items-center gap-3">
            <input type="checkbox" name="anonymous" className="size-5" />
            <span>{t("discuss.anonymous")}</span>
          </label>
        )}
        <button type="submit" className={buttonClass()} disabled={pending}>
          {pending ? t("discuss.posting") : t("discuss.post")}
        </button>
      </form>

      {groups.map((group) => (
        <section key={group.id ?? "general"} aria-labelledby={`notes-${group.id ?? "general"}`}>
          <h2 id={`notes-${group.id ?? "general"}`} className="mb-2 font-semibold">
            {group.title}{" "}
            <span className="text-sm font-normal text-muted">
              ({format.number(group.notes.length)})
            </span>
          </h2>
          {group.notes.length === 0 ? (
            <p className="text-sm text-muted">{t("discuss.empty")}</p>
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
                        {mine ? t("discuss.you") : (note.author ?? t("discuss.anonymousAuthor"))}
                      </p>
                    </div>
                    <button
                      type="button"
                      onClick={() => void toggleUpvote(note)}
                      disabled={mine}
                      aria-pressed={pressed}
                      aria-label={t(mine ? "discuss.upvoteOwn" : "discuss.upvote", {
                        count: note.upvotes,
                      })}
                      className="flex min-h-11 min-w-14 items-center justify-center gap-1 rounded-lg border border-line font-semibold aria-pressed:border-accent aria-pressed:bg-accent aria-pressed:text-on-accent disabled:opacity-50"
                    >
                      <span aria-hidden="true">▲</span> {format.number(note.upvotes)}
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
