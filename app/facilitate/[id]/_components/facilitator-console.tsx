"use client";

import { useMutation, useSuspenseQuery } from "@tanstack/react-query";
import { useSubscription } from "@trpc/tanstack-react-query";
import { useTranslations } from "next-intl";
import { useEffect } from "react";

import { ConfirmAction, dangerButtonClass } from "../../../_components/confirm-action";
import { ConnectionBadge, liveConnection } from "../../../_components/connection-status";
import { stageName, stageOrder } from "../../../_components/session-stages";
import { Alert, Card } from "../../../_components/ui";
import { useTRPC } from "../../../_trpc/client";
import type { ConsoleSnapshot, SessionDetails } from "../../_lib/live-types";
import { DiscussNotes, HiddenNotes } from "./note-moderation";
import { PeopleList } from "./people-list";
import { StageStepper } from "./stage-stepper";
import { useTimeOfDay } from "./console-words";
import { presenterHref, StageTasks } from "./stage-tasks";
import { TimerControl } from "./timer-control";

/** The console: the live room as the facilitator sees it, and every control they run it with. */
export function FacilitatorConsole({ sessionId }: { sessionId: string }) {
  const t = useTranslations("facilitate.console");
  const trpc = useTRPC();
  const { data: details } = useSuspenseQuery(trpc.session.byId.queryOptions({ sessionId }));
  const live = useSubscription(trpc.session.consoleLive.subscriptionOptions({ sessionId }));
  const snapshot = live.data?.data;
  const connection = liveConnection(live.status, snapshot !== undefined);

  return (
    <div className="flex flex-col gap-6">
      <header className="flex flex-col gap-3">
        <div className="flex flex-wrap items-center justify-between gap-3">
          <p className="text-sm font-medium text-muted">{t("eyebrow")}</p>
          <ConnectionBadge connection={connection} />
        </div>
        <h1 className="text-2xl font-bold tracking-tight sm:text-3xl">{details.title}</h1>
        <p className="text-muted">
          {t.rich("subtitle", {
            essay: details.content.title,
            joinCode: details.joinCode,
            code: (chunks) => <span className="font-semibold tracking-wide text-fg">{chunks}</span>,
            link: (chunks) => (
              <a
                href={presenterHref(details.id)}
                target="_blank"
                rel="noopener"
                className="font-medium text-accent underline"
              >
                {chunks}
              </a>
            ),
            sr: (chunks) => <span className="sr-only">{chunks}</span>,
          })}
        </p>
      </header>

      {connection === "lost" && (
        <Alert tone="error">
          {t("connectionFailed", { error: live.error?.message ?? t("unknownError") })}{" "}
          <button type="button" className="font-semibold underline" onClick={() => live.reset()}>
            {t("tryAgain")}
          </button>
        </Alert>
      )}

      {snapshot ? (
        <LiveConsole details={details} snapshot={snapshot} />
      ) : (
        <div aria-busy="true" className="flex flex-col gap-4">
          <p className="text-muted">{t("connecting")}</p>
          <div className="h-28 animate-pulse rounded-2xl bg-raised" />
          <div className="h-64 animate-pulse rounded-2xl bg-raised" />
        </div>
      )}
    </div>
  );
}

function LiveConsole({
  details,
  snapshot,
}: {
  details: SessionDetails;
  snapshot: ConsoleSnapshot;
}) {
  const t = useTranslations("facilitate");
  const tc = useTranslations("common");
  const timeOfDay = useTimeOfDay();
  const trpc = useTRPC();
  const sessionId = details.id;
  const stage = snapshot.session.stage;
  const ended = snapshot.session.endedAt !== null;

  // Whether this session has a review stage (the team has actions open from earlier sessions),
  // told live by the console snapshot so the stepper's labels match what the server will do.
  const hasReview = snapshot.hasReview || stage === "review";

  const stageChange = useMutation(trpc.session.stage.mutationOptions());
  // A stage command is relative to the stage the server has now, so the stepper stays locked
  // from the click until the room's snapshot shows the move: a second click on Next can't skip
  // a stage. Any stage change (ours or a co-facilitator's) releases it.
  const stageSettling =
    stageChange.isPending || (stageChange.isSuccess && stageChange.data.stage !== stage);
  const { reset: resetStageChange } = stageChange;
  useEffect(() => {
    resetStageChange();
  }, [stage, resetStageChange]);
  const timer = useMutation(trpc.session.timer.mutationOptions());
  const remove = useMutation(trpc.session.removeParticipant.mutationOptions());
  const hide = useMutation(trpc.session.hideNote.mutationOptions());
  const end = useMutation(trpc.session.end.mutationOptions());

  const hidePending = hide.isPending ? hide.variables?.noteId : undefined;
  const hideError = hide.error?.message;

  const endControl = ended ? null : (
    <div className="flex flex-col items-start gap-2">
      <ConfirmAction
        label={t("console.endSession")}
        triggerClassName={dangerButtonClass}
        question={t("console.endQuestion")}
        confirmLabel={t("console.endConfirm")}
        pending={end.isPending}
        onConfirm={() => end.mutate({ sessionId })}
      />
      {end.error && <Alert tone="error">{end.error.message}</Alert>}
    </div>
  );

  const position = stageOrder.indexOf(stage) + 1;

  // In the vote stage an open or unrevealed round comes first: Next moves on without closing
  // voting or revealing anything, so it steps back and says so.
  const round = snapshot.voting.round;
  const nextCaution =
    stage === "vote" && round && round.status !== "revealed"
      ? t(round.status === "open" ? "stepper.cautionOpen" : "stepper.cautionUnrevealed")
      : undefined;

  return (
    <>
      {/* Announces stage changes, whoever made them (this tab, another tab, a co-facilitator). */}
      <p aria-live="polite" className="sr-only">
        {ended
          ? t("console.announceEnded")
          : t("console.announceStage", {
              position,
              total: stageOrder.length,
              stage: stageName(tc, stage),
            })}
      </p>

      {ended && (
        <Alert tone="info">
          {snapshot.session.endedAt
            ? t("console.endedAt", { time: timeOfDay(snapshot.session.endedAt) })
            : t("console.ended")}
        </Alert>
      )}

      <section aria-label={t("console.stageRegion")} className="flex flex-col gap-3">
        <StageStepper
          current={stage}
          ended={ended}
          hasReview={hasReview}
          pending={stageSettling}
          nextCaution={nextCaution}
          onCommand={(command) => stageChange.mutate({ sessionId, command })}
        />
        {stageChange.error && <Alert tone="error">{stageChange.error.message}</Alert>}
      </section>

      {/*
        On a phone: the stage's work, then timer and people, then hidden notes. On a wide screen
        the hidden notes sit under the stage's work and timer and people are a sidebar.
      */}
      <div className="flex flex-col gap-6 lg:grid lg:grid-cols-[minmax(0,1fr)_22rem] lg:items-start">
        <div className="contents lg:flex lg:min-w-0 lg:flex-col lg:gap-6">
          <div className="order-1 min-w-0">
            <StageTasks
              details={details}
              live={snapshot}
              endControl={endControl}
              discussion={
                <DiscussNotes
                  practices={details.content.practices}
                  notes={snapshot.notes}
                  pendingId={hidePending}
                  locked={ended}
                  error={hide.variables?.hidden ? hideError : undefined}
                  onHide={(note) => hide.mutate({ sessionId, noteId: note.id, hidden: true })}
                />
              }
            />
          </div>
          {snapshot.hiddenNotes.length > 0 && (
            <div className="order-3 min-w-0">
              <HiddenNotes
                practices={details.content.practices}
                notes={snapshot.hiddenNotes}
                pendingId={hidePending}
                locked={ended}
                error={hide.variables?.hidden === false ? hideError : undefined}
                onUnhide={(note) => hide.mutate({ sessionId, noteId: note.id, hidden: false })}
              />
            </div>
          )}
        </div>
        <aside
          aria-label={t("console.sidebar")}
          className="order-2 flex min-w-0 flex-col gap-6 lg:order-none"
        >
          {/* A timer has no use once the session is over. */}
          {!ended && (
            <TimerControl
              endsAt={snapshot.session.timerEndsAt}
              pausedRemainingMs={snapshot.session.timerRemainingMs}
              ended={ended}
              pending={timer.isPending}
              error={timer.error?.message}
              onCommand={(command) => timer.mutate({ sessionId, command })}
            />
          )}
          <PeopleList
            people={snapshot.people}
            onlineCount={snapshot.onlineCount}
            ended={ended}
            pendingId={remove.isPending ? remove.variables?.participantId : undefined}
            error={remove.error?.message}
            onRemove={(person) => remove.mutate({ sessionId, participantId: person.id })}
          />
        </aside>
      </div>

      {stage !== "wrapup" && !ended && (
        <Card className="flex flex-col gap-3">
          <h2 className="text-lg font-semibold">{t("console.finishHeading")}</h2>
          <p className="text-muted">{t("console.finishLead")}</p>
          {endControl}
        </Card>
      )}
    </>
  );
}
