"use client";

import { useTranslations } from "next-intl";
import { useEffect, useState } from "react";

import { useOutboxOutcomes, useQueuedItems, type Outbox } from "./offline-outbox";
import type { OutboxOutcome, QueuedNote } from "./offline-queue";
import { errorMessage } from "./phone-client";

const calm = "rounded-lg bg-raised px-3 py-2 text-sm";

/** Under the ballot while it waits on this phone for the connection. */
export function QueuedVoteNotice() {
  const t = useTranslations("phone");
  return <p className={calm}>{t("offline.voteQueued")}</p>;
}

/** Under the note form: the notes waiting on this phone for the connection, in their words. */
export function QueuedNotes() {
  const t = useTranslations("phone");
  const waiting = useQueuedItems().filter((item): item is QueuedNote => item.kind === "note");
  return (
    <div role="status" className="empty:hidden">
      {waiting.length > 0 && (
        <div className={calm}>
          <p>{t("offline.notesQueued", { count: waiting.length })}</p>
          <ul className="mt-1 flex flex-col gap-1 text-muted">
            {waiting.map((note) => (
              <li key={note.clientId} className="line-clamp-2 break-words">
                {note.body}
              </li>
            ))}
          </ul>
        </div>
      )}
    </div>
  );
}

interface News {
  text: string;
  tone: "done" | "problem";
  at: number;
}

/** Good news fades after a while; a refusal stays until the next news, to be read in full. */
const goodNewsMs = 15_000;

/** The last thing the outbox did, in words: gone through, too late, or refused. */
function useOutboxNews(outbox: Outbox) {
  const t = useTranslations("phone");
  const [news, setNews] = useState<News | null>(null);
  useOutboxOutcomes((outcome: OutboxOutcome) => {
    const vote = outcome.item.kind === "ballot";
    const text =
      outcome.result === "sent"
        ? t(vote ? "offline.voteSent" : "offline.noteSent")
        : outcome.closed
          ? t(vote ? "offline.voteTooLate" : "offline.noteTooLate")
          : t(vote ? "offline.voteRefused" : "offline.noteRefused", {
              reason: errorMessage(outcome.error, t("errors.network")),
            });
    setNews({ text, tone: outcome.result === "sent" ? "done" : "problem", at: Date.now() });
  }, outbox);
  useEffect(() => {
    if (news?.tone !== "done") return;
    const fade = setTimeout(() => setNews(null), goodNewsMs);
    return () => clearTimeout(fade);
  }, [news]);
  return news;
}

/**
 * What the outbox did, on screen. It has no live role of its own: OutboxAnnouncement says the
 * same inside the phone's polite status region, so a screen reader hears it once.
 */
export function OutboxNews({ outbox }: { outbox: Outbox }) {
  const news = useOutboxNews(outbox);
  if (!news) return null;
  const look =
    news.tone === "done"
      ? "border-ok bg-ok-soft text-ok"
      : "border-danger bg-danger-soft text-danger";
  return <p className={`rounded-lg border px-4 py-3 ${look}`}>{news.text}</p>;
}

/** The outbox's news for the phone's polite status region (phone-session.tsx). */
export function OutboxAnnouncement({ outbox }: { outbox: Outbox }) {
  const news = useOutboxNews(outbox);
  return <span key={news?.at}>{news?.text}</span>;
}
