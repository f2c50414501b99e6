"use client";

import { useTranslations } from "next-intl";
import { useEffect, useRef, useState } from "react";

import type { PresenterSnapshot } from "~/server/sessions/snapshot";

import { ConnectionBadge, type LiveConnection } from "../../../_components/connection-status";
import { stageName } from "../../../_components/session-stages";
import { adoptedTitles, tallyOf, type SessionDetails } from "../../../facilitate/_lib/live-types";
import { isKept } from "../../../facilitate/_lib/live-actions";
import { ActionsView, ReviewView, useGroupActions } from "./action-views";
import { EndedView, WrapupView } from "./calm-views";
import { DiscussView } from "./discuss-view";
import { FullscreenButton } from "./fullscreen-button";
import { LobbyView } from "./lobby-view";
import { presenterClient } from "./presenter-client";
import { PresenterTimer } from "./presenter-timer";
import { ReadView } from "./read-view";
import { ResultsView, TurnoutView } from "./voting-views";

/**
 * The root layout draws the site header and footer, which a projector shouldn't show. This screen
 * covers the whole viewport instead, and everything behind it is taken out of the page (display:
 * none): Tab and screen readers can't wander into the hidden header, the browser doesn't lay it
 * out, and its links aren't prefetched for a page nobody sees. The page itself stops scrolling.
 * The style does it from the first paint, before any script runs; the effect does it again where
 * a browser doesn't know `:has()`.
 */
const coverStyle =
  "body:has([data-presenter])>:not(:has([data-presenter])){display:none}" +
  "html:has([data-presenter]){overflow:hidden}";

function useCoverPage() {
  const root = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const screen = root.current;
    if (!screen) return;
    const covered = Array.from(document.body.children).filter(
      (element): element is HTMLElement =>
        element instanceof HTMLElement && !element.contains(screen) && !element.inert,
    );
    const displays = covered.map((element) => element.style.display);
    for (const element of covered) {
      element.inert = true;
      element.style.display = "none";
    }
    const html = document.documentElement;
    const overflow = html.style.overflow;
    html.style.overflow = "hidden";
    return () => {
      covered.forEach((element, i) => {
        element.inert = false;
        element.style.display = displays[i]!;
      });
      html.style.overflow = overflow;
    };
  }, []);
  return root;
}

function StageView({
  details,
  snapshot,
}: {
  details: SessionDetails;
  snapshot: PresenterSnapshot;
}) {
  const groupActions = useGroupActions();
  if (snapshot.session.endedAt)
    return <EndedView title={details.title} tally={tallyOf(snapshot)} />;
  switch (snapshot.session.stage) {
    case "lobby":
      return (
        <LobbyView
          details={details}
          participantCount={snapshot.participantCount}
          names={snapshot.joinedNames}
        />
      );
    case "read":
      return <ReadView content={details.content} />;
    case "discuss":
      return <DiscussView content={details.content} notes={snapshot.notes} />;
    case "vote":
      return <TurnoutView snapshot={snapshot} />;
    case "results":
      return <ResultsView details={details} snapshot={snapshot} />;
    case "review":
      return <ReviewView snapshot={snapshot} />;
    case "actions":
      return <ActionsView details={details} snapshot={snapshot} />;
    case "wrapup":
      return (
        <WrapupView
          title={details.title}
          tally={tallyOf(snapshot)}
          adopted={adoptedTitles(snapshot, details.content.practices)}
          agreed={groupActions(
            snapshot.voting.adoptedPracticeIds,
            details.content.practices,
            snapshot.actions.filter(isKept),
          )}
        />
      );
  }
}

type Initial = { eventId: number; snapshot: PresenterSnapshot };

/**
 * The room, live: the server's snapshot first, then each change the feed sends. The feed resumes
 * after the last event seen (after a drop, and on "Try again"), so nothing is sent twice.
 */
function useLiveRoom(sessionId: string, initial: Initial) {
  const [snapshot, setSnapshot] = useState(initial.snapshot);
  const [connection, setConnection] = useState<LiveConnection>("connecting");
  const [error, setError] = useState<string | null>(null);
  const [attempt, setAttempt] = useState(0);
  const lastEventId = useRef(String(initial.eventId));
  // Read by the feed's callbacks (a ref) and by rendering (a state).
  const connectedOnce = useRef(false);
  const [everConnected, setEverConnected] = useState(false);

  useEffect(() => {
    const subscription = presenterClient().session.presenterLive.subscribe(
      { sessionId, lastEventId: lastEventId.current },
      {
        onData: (update) => {
          lastEventId.current = update.id;
          setSnapshot(update.data);
        },
        onConnectionStateChange: (change) => {
          if (change.state === "pending") {
            connectedOnce.current = true;
            setEverConnected(true);
            setConnection("live");
          } else if (change.state === "connecting") {
            setConnection(connectedOnce.current ? "reconnecting" : "connecting");
          }
        },
        onError: (failure) => {
          setError(failure.message);
          setConnection("lost");
        },
      },
    );
    return () => subscription.unsubscribe();
  }, [sessionId, attempt]);

  return {
    snapshot,
    connection,
    error,
    /** Until the feed has answered once, a lost feed is a screen that can't reach the session. */
    neverConnected: connection === "lost" && !everConnected,
    retry: () => {
      setError(null);
      setConnection("connecting");
      setAttempt((n) => n + 1);
    },
  };
}

/** The big screen: follows the session's stage by itself, with no clicks needed. */
export function PresenterScreen({
  sessionId,
  details,
  initial,
}: {
  sessionId: string;
  details: SessionDetails;
  /** The room when the server drew the page; the feed sends what changed since. */
  initial: Initial;
}) {
  const t = useTranslations("present");
  const tc = useTranslations("common");
  const { snapshot, connection, error, neverConnected, retry } = useLiveRoom(sessionId, initial);
  const root = useCoverPage();
  const ended = snapshot.session.endedAt != null;
  const stage = ended ? null : snapshot.session.stage;

  return (
    <div
      ref={root}
      data-presenter
      className="fixed inset-0 z-50 flex h-dvh flex-col overflow-hidden bg-canvas text-fg"
    >
      {/* Hoisted into the head by React, once. */}
      <style href="practica-presenter-cover" precedence="default">
        {coverStyle}
      </style>
      <header className="flex shrink-0 items-center justify-between gap-[2vw] px-[4vw] pt-[2.5vh] pb-[1vh]">
        <div className="flex min-w-0 flex-col">
          <h1 className="truncate text-[length:clamp(1rem,2.6vh,2rem)] font-semibold">
            {details.title}
          </h1>
          <p className="text-[length:clamp(0.875rem,2.3vh,1.5rem)] text-muted">
            {stage === null
              ? "Practica"
              : stage === "lobby"
                ? stageName(tc, stage)
                : t.rich("screen.stageWithCode", {
                    stage: stageName(tc, stage),
                    joinCode: details.joinCode,
                    // The code never breaks across lines; the line breaks before it if it must.
                    code: (chunks) => (
                      <span className="font-semibold tracking-wide whitespace-nowrap text-fg">
                        {chunks}
                      </span>
                    ),
                  })}
          </p>
        </div>
        <div className="flex shrink-0 items-center gap-[1.5vw]">
          {connection !== "live" && <ConnectionBadge connection={connection} />}
          <FullscreenButton />
          {stage !== null && (
            <PresenterTimer
              endsAt={snapshot.session.timerEndsAt}
              pausedRemainingMs={snapshot.session.timerRemainingMs}
            />
          )}
        </div>
      </header>
      <div className="min-h-0 flex-1 px-[4vw] pt-[2vh] pb-[3vh]">
        {neverConnected ? (
          <div className="flex h-full flex-col items-center justify-center gap-[2vh] text-center">
            <p className="text-[length:clamp(1.5rem,5vh,3.5rem)] font-bold">
              {t("screen.cantReach")}
            </p>
            <p className="text-[length:clamp(1rem,2.6vh,2rem)] text-muted">{error}</p>
            <button
              type="button"
              onClick={retry}
              className="rounded-lg bg-accent px-[2vw] py-[1vh] text-[length:clamp(1rem,2.4vh,1.75rem)] font-semibold text-on-accent"
            >
              {t("screen.tryAgain")}
            </button>
          </div>
        ) : (
          <StageView details={details} snapshot={snapshot} />
        )}
      </div>
    </div>
  );
}
