"use client";

import { useSuspenseQuery } from "@tanstack/react-query";
import { useSubscription } from "@trpc/tanstack-react-query";
import { useEffect, useRef } from "react";

import { ConnectionBadge, liveConnection } from "../../../_components/connection-status";
import { stageLabels } from "../../../_components/session-stages";
import { useTRPC } from "../../../_trpc/client";
import {
  adoptedTitles,
  tallyOf,
  type RoomSnapshot,
  type SessionDetails,
} from "../../../facilitate/_lib/live-types";
import { isKept, groupActions } from "../../../facilitate/_lib/live-actions";
import { ActionsView, ReviewView } from "./action-views";
import { EndedView, WrapupView } from "./calm-views";
import { DiscussView } from "./discuss-view";
import { FullscreenButton } from "./fullscreen-button";
import { LobbyView } from "./lobby-view";
import { PresenterTimer } from "./presenter-timer";
import { ReadView } from "./read-view";
import { ResultsView, TurnoutView } from "./voting-views";

/**
 * The root layout draws the site header, which a projector shouldn't show. This screen covers the
 * whole viewport instead, and while it does, everything behind it is made inert so Tab and
 * screen readers can't wander into the hidden header. The page itself stops scrolling.
 */
function useCoverPage() {
  const root = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const screen = root.current;
    if (!screen) return;
    const covered = Array.from(document.body.children).filter(
      (element): element is HTMLElement =>
        element instanceof HTMLElement && !element.contains(screen) && !element.inert,
    );
    for (const element of covered) element.inert = true;
    const html = document.documentElement;
    const overflow = html.style.overflow;
    html.style.overflow = "hidden";
    return () => {
      for (const element of covered) element.inert = false;
      html.style.overflow = overflow;
    };
  }, []);
  return root;
}

function StageView({ details, snapshot }: { details: SessionDetails; snapshot: RoomSnapshot }) {
  if (snapshot.session.endedAt)
    return <EndedView title={details.title} tally={tallyOf(snapshot)} />;
  switch (snapshot.session.stage) {
    case "lobby":
      return <LobbyView details={details} participantCount={snapshot.participantCount} />;
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

/** The big screen: follows the session's stage by itself, with no clicks needed. */
export function PresenterScreen({ sessionId }: { sessionId: string }) {
  const trpc = useTRPC();
  const { data: details } = useSuspenseQuery(trpc.session.byId.queryOptions({ sessionId }));
  const live = useSubscription(trpc.session.presenterLive.subscriptionOptions({ sessionId }));
  const snapshot = live.data?.data;
  const connection = liveConnection(live.status, snapshot !== undefined);
  const root = useCoverPage();
  const ended = snapshot?.session.endedAt != null;

  return (
    <div
      ref={root}
      data-presenter
      className="fixed inset-0 z-50 flex h-dvh flex-col overflow-hidden bg-canvas text-fg"
    >
      <header className="flex shrink-0 items-center justify-between gap-[2vw] px-[4vw] pt-[2.5vh] pb-[1vh]">
        <div className="flex min-w-0 flex-col">
          <h1 className="truncate text-[length:clamp(1rem,2.6vh,2rem)] font-semibold">
            {details.title}
          </h1>
          <p className="text-[length:clamp(0.875rem,2.3vh,1.5rem)] text-muted">
            {snapshot && !ended ? stageLabels[snapshot.session.stage] : "Practica"}
            {snapshot && !ended && snapshot.session.stage !== "lobby" && (
              <>
                {" "}
                · code{" "}
                <span className="font-semibold tracking-wide text-fg">{details.joinCode}</span>
              </>
            )}
          </p>
        </div>
        <div className="flex shrink-0 items-center gap-[1.5vw]">
          {connection !== "live" && <ConnectionBadge connection={connection} />}
          <FullscreenButton />
          {snapshot && !ended && (
            <PresenterTimer
              endsAt={snapshot.session.timerEndsAt}
              pausedRemainingMs={snapshot.session.timerRemainingMs}
            />
          )}
        </div>
      </header>
      <div className="min-h-0 flex-1 px-[4vw] pt-[2vh] pb-[3vh]">
        {snapshot ? (
          <StageView details={details} snapshot={snapshot} />
        ) : connection === "lost" ? (
          <div className="flex h-full flex-col items-center justify-center gap-[2vh] text-center">
            <p className="text-[length:clamp(1.5rem,5vh,3.5rem)] font-bold">
              Can’t reach the session
            </p>
            <p className="text-[length:clamp(1rem,2.6vh,2rem)] text-muted">{live.error?.message}</p>
            <button
              type="button"
              onClick={() => live.reset()}
              className="rounded-lg bg-accent px-[2vw] py-[1vh] text-[length:clamp(1rem,2.4vh,1.75rem)] font-semibold text-on-accent"
            >
              Try again
            </button>
          </div>
        ) : (
          <p className="flex h-full items-center justify-center text-[length:clamp(1.25rem,4vh,3rem)] text-muted">
            Connecting…
          </p>
        )}
      </div>
    </div>
  );
}
