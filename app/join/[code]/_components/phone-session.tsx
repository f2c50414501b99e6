"use client";

import { useEffect, useState } from "react";

import type { SessionContent } from "~/server/sessions/content";
import type { RoomSnapshot } from "~/server/sessions/snapshot";

import { Countdown } from "../../../_components/countdown";
import { stageLabels } from "../../../_components/session-stages";
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
  const [room, setRoom] = useState(initialRoom);
  const [connection, setConnection] = useState<Connection>("live");

  useEffect(() => {
    const subscription = phoneClient().participant.live.subscribe(
      { sessionId, lastEventId: null },
      {
        onData: (update) => setRoom(update.data),
        onConnectionStateChange: (change) => {
          if (change.state === "pending") setConnection("live");
          else if (change.state === "connecting") setConnection("reconnecting");
        },
        onError: (error) => {
          setConnection(error.data?.code === "FORBIDDEN" ? "removed" : "reconnecting");
        },
      },
    );
    return () => subscription.unsubscribe();
  }, [sessionId]);

  const announcement = useRoomAnnouncement(room);

  const { session } = room;
  if (connection === "removed") {
    return <Notice title="You have left this session">The facilitator removed you from it.</Notice>;
  }
  if (session.endedAt) {
    return (
      <Notice title="This session has ended">Thanks for taking part in {session.title}.</Notice>
    );
  }

  return (
    <div className="flex flex-col gap-4">
      <header className="flex items-center justify-between gap-3">
        <div className="min-w-0">
          <p className="truncate text-sm text-muted">{session.title}</p>
          <h1 className="text-xl font-bold">{stageLabels[session.stage]}</h1>
        </div>
        <Countdown
          endsAt={session.timerEndsAt}
          remainingMs={session.timerRemainingMs}
          className="text-2xl font-bold"
        />
      </header>
      {/* Always in the page, so that screen readers hear each change made to it. */}
      <p role="status" className="sr-only">
        {announcement}
      </p>
      {connection === "reconnecting" && (
        <p role="status" className="rounded-lg bg-raised px-3 py-2 text-sm">
          Reconnecting… your place in the session is kept.
        </p>
      )}
      <StageView room={room} state={state} essayHtml={essayHtml} sessionId={sessionId} />
    </div>
  );
}

/**
 * What a screen reader should hear when the room changes under the phone: the new stage, and
 * results the moment they are revealed. Derived while rendering from the last room seen.
 */
function useRoomAnnouncement(room: RoomSnapshot) {
  const stage = room.session.stage;
  const revealedRound = room.voting.results?.number ?? null;
  const [seen, setSeen] = useState({ stage, revealedRound });
  const [announcement, setAnnouncement] = useState("");
  if (seen.stage !== stage || seen.revealedRound !== revealedRound) {
    setSeen({ stage, revealedRound });
    const news: string[] = [];
    if (seen.stage !== stage) news.push(`Now: ${stageLabels[stage]}.`);
    if (revealedRound !== null && seen.revealedRound !== revealedRound) {
      news.push(`Results revealed for round ${revealedRound}.`);
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
}: {
  room: RoomSnapshot;
  state: PhoneState;
  essayHtml: string;
  sessionId: string;
}) {
  switch (room.session.stage) {
    case "lobby":
      return (
        <Notice title={`You're in, ${state.participant.displayName}`}>
          The facilitator will start soon; this screen follows along by itself. The big screen shows
          how many have joined.
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
      return <PhoneVote sessionId={sessionId} room={room} state={state} />;
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
