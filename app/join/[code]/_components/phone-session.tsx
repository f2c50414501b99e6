"use client";

import { useTranslations } from "next-intl";
import { useEffect, useState } from "react";

import type { SessionContent } from "~/server/sessions/content";
import type { RoomSnapshot } from "~/server/sessions/snapshot";

import { Countdown } from "../../../_components/countdown";
import { OutboxProvider, usePhoneOutbox } from "./offline-outbox";
import { OutboxAnnouncement, OutboxNews } from "./offline-status";
import { PhoneActions, PhoneReview, PhoneWrapup } from "./phone-actions";
import { PhoneDiscuss } from "./phone-discuss";
import { phoneClient } from "./phone-client";
import { PhoneResults, PhoneVote } from "./phone-voting";

export interface PhoneState {
  participant: { id: string; displayName: string; userId: string | null };
  content: SessionContent;
  ownNoteIds: string[];
  upvotedNoteIds: string[];
}

type Connection = "live" | "reconnecting" | "removed";

/**
 * A phone in a live session: one subscription to the room, and only the current stage on
 * screen. The essay HTML is rendered and sanitized on the server.
 */
export function PhoneSession({
  sessionId,
  initialRoom,
  state,
  essayHtml,
}: {
  sessionId: string;
  initialRoom: RoomSnapshot;
  state: PhoneState;
  essayHtml: string;
}) {
  const t = useTranslations("phone");
  const tc = useTranslations("common");
  const [room, setRoom] = useState(initialRoom);
  const [connection, setConnection] = useState<Connection>("live");
  // Ballots and notes sent offline wait here; a reconnected room is a cue to send them.
  const outbox = usePhoneOutbox(sessionId, state.participant.id, room);

  useEffect(() => {
    const subscription = phoneClient().participant.live.subscribe(
      { sessionId, lastEventId: null },
      {
        onData: (update) => setRoom(update.data),
        onConnectionStateChange: (change) => {
          if (change.state === "pending") {
            setConnection("live");
            outbox.wake();
          } else if (change.state === "connecting") setConnection("reconnecting");
        },
        onError: (error) => {
          setConnection(error.data?.code === "FORBIDDEN" ? "removed" : "reconnecting");
        },
      },
    );
    return () => subscription.unsubscribe();
  }, [sessionId, outbox]);

  const announcement = useRoomAnnouncement(room);

  const { session } = room;
  if (connection === "removed") {
    return <Notice title={t("session.removedTitle")}>{t("session.removedBody")}</Notice>;
  }
  if (session.endedAt) {
    return (
      <Notice title={t("session.endedTitle")}>
        {t("session.endedBody", { title: session.title })}
      </Notice>
    );
  }

  return (
    <div className="flex flex-col gap-4">
      <header className="flex items-center justify-between gap-3">
        <div className="min-w-0">
          <p className="text-sm text-muted">{session.title}</p>
          <h1 className="text-xl font-bold">{tc(`stages.${session.stage}.name`)}</h1>
        </div>
        <Countdown
          endsAt={session.timerEndsAt}
          remainingMs={session.timerRemainingMs}
          className="text-2xl font-bold"
        />
      </header>
      {/* Always in the page, so that screen readers hear each change made to it. */}
      <p role="status" className="sr-only">
        {announcement} <OutboxAnnouncement outbox={outbox} />
      </p>
      {connection === "reconnecting" && (
        <p role="status" className="rounded-lg bg-raised px-3 py-2 text-sm">
          {t("session.reconnecting")}
        </p>
      )}
      <OutboxNews outbox={outbox} />
      <OutboxProvider value={outbox}>
        <StageView
          room={room}
          state={state}
          essayHtml={essayHtml}
          sessionId={sessionId}
          roundAtLoad={initialRoom.voting.round?.id ?? null}
        />
      </OutboxProvider>
    </div>
  );
}

/**
 * What a screen reader should hear when the room changes under the phone: the new stage, and
 * results the moment they are revealed. Derived while rendering from the last room seen.
 */
function useRoomAnnouncement(room: RoomSnapshot) {
  const t = useTranslations("phone");
  const tc = useTranslations("common");
  const stage = room.session.stage;
  const revealedRound = room.voting.results?.number ?? null;
  const [seen, setSeen] = useState({ stage, revealedRound });
  const [announcement, setAnnouncement] = useState("");
  if (seen.stage !== stage || seen.revealedRound !== revealedRound) {
    setSeen({ stage, revealedRound });
    const news: string[] = [];
    if (seen.stage !== stage) {
      news.push(t("session.announceStage", { stage: tc(`stages.${stage}.name`) }));
    }
    if (revealedRound !== null && seen.revealedRound !== revealedRound) {
      news.push(t("session.announceResults", { round: revealedRound }));
    }
    setAnnouncement(news.join(" "));
  }
  return announcement;
}

function StageView({
  room,
  state,
  essayHtml,
  sessionId,
  roundAtLoad,
}: {
  room: RoomSnapshot;
  state: PhoneState;
  essayHtml: string;
  sessionId: string;
  /** The round open when the page loaded: the only one this phone may have voted in unseen. */
  roundAtLoad: string | null;
}) {
  const t = useTranslations("phone");
  switch (room.session.stage) {
    case "lobby":
      return (
        <Notice title={t("session.lobbyTitle", { name: state.participant.displayName })}>
          {t("session.lobbyBody")}
        </Notice>
      );
    case "review":
      return <PhoneReview sessionId={sessionId} room={room} state={state} />;
    case "read":
      return (
        <article className="rounded-2xl border border-line bg-surface p-4">
          <h2 className="mb-3 text-2xl font-bold">{state.content.title}</h2>
          <div className="prose-essay" dangerouslySetInnerHTML={{ __html: essayHtml }} />
        </article>
      );
    case "discuss":
      return <PhoneDiscuss sessionId={sessionId} room={room} state={state} />;
    case "vote":
      return (
        <PhoneVote sessionId={sessionId} room={room} state={state} roundAtLoad={roundAtLoad} />
      );
    case "results":
      return <PhoneResults room={room} state={state} />;
    case "actions":
      return <PhoneActions sessionId={sessionId} room={room} state={state} />;
    case "wrapup":
      return <PhoneWrapup room={room} state={state} />;
  }
}

function Notice({ title, children }: { title: string; children: React.ReactNode }) {
  return (
    <section className="rounded-2xl border border-line bg-surface p-5">
      <h2 className="mb-2 text-xl font-bold">{title}</h2>
      <p className="text-muted">{children}</p>
    </section>
  );
}
