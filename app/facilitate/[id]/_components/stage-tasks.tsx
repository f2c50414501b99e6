"use client";

import { useFormatter, useTranslations } from "next-intl";
import type { ReactNode } from "react";

import { stageName } from "../../../_components/session-stages";
import { buttonClass, Card } from "../../../_components/ui";
import { tallyOf, type ConsoleSnapshot, type SessionDetails } from "../../_lib/live-types";
import { ActionTasks, WrapupActions } from "./action-tasks";
import { CopyButton } from "./copy-button";
import { ReviewTasks } from "./review-tasks";
import { ResultsTasks, VoteTasks } from "./voting-tasks";

export function presenterHref(sessionId: string) {
  return `/present/${sessionId}`;
}

function PresenterLink({ sessionId }: { sessionId: string }) {
  const t = useTranslations("facilitate");
  return (
    <a
      href={presenterHref(sessionId)}
      target="_blank"
      rel="noopener"
      className={buttonClass("primary")}
    >
      {t("tasks.openPresenter")}
      <span aria-hidden="true">↗</span>
      <span className="sr-only">{t("shared.opensInNewTab")}</span>
    </a>
  );
}

/**
 * The join link as people read and type it: the code with its dash (the join route accepts it)
 * and, shown, without the scheme: "practica.example/join/ABC-DEF".
 */
function joinLink(joinUrl: string, shownCode: string) {
  const href = joinUrl.replace(/\/join\/[^/]*$/, `/join/${shownCode}`);
  return { href, shown: href.replace(/^https?:\/\//, "") };
}

function LobbyTasks({ details, live }: { details: SessionDetails; live: ConsoleSnapshot }) {
  const t = useTranslations("facilitate.tasks");
  const link = joinLink(details.joinUrl, details.joinCode);
  return (
    <div className="flex flex-col gap-5">
      <div className="flex flex-col gap-5 sm:flex-row sm:items-center">
        <div
          aria-hidden="true"
          className="size-32 shrink-0 self-center overflow-hidden rounded-lg bg-white p-1 sm:self-auto [&>svg]:size-full"
          dangerouslySetInnerHTML={{ __html: details.joinQrSvg }}
        />
        <div className="flex min-w-0 flex-col gap-2">
          <p className="text-sm text-muted">{t("joinCode")}</p>
          <p className="text-4xl font-extrabold tracking-wider tabular-nums sm:text-5xl">
            {details.joinCode}
          </p>
          <div className="flex flex-wrap items-center gap-2">
            <a href={link.href} className="break-all text-accent underline">
              {link.shown}
            </a>
            <CopyButton text={link.href} label={t("copyLink")} />
          </div>
        </div>
      </div>
      <p>
        {t.rich("lobbyLead", {
          count: live.participantCount,
          strong: (chunks) => <strong>{chunks}</strong>,
        })}
      </p>
      <div>
        <PresenterLink sessionId={details.id} />
      </div>
    </div>
  );
}

function ReadTasks({ details }: { details: SessionDetails }) {
  const t = useTranslations("facilitate.tasks");
  return (
    <div className="flex flex-col gap-4">
      <p>
        {t.rich("readLead", {
          essay: details.content.title,
          em: (chunks) => <em>{chunks}</em>,
        })}
      </p>
      <ol className="flex list-decimal flex-col gap-1.5 pl-6">
        {details.content.practices.map((practice) => (
          <li key={practice.id}>
            <span className="font-medium">{practice.title}</span>
            <span className="text-muted"> — {practice.description}</span>
          </li>
        ))}
      </ol>
    </div>
  );
}

function WrapupTasks({
  details,
  live,
  endControl,
}: {
  details: SessionDetails;
  live: ConsoleSnapshot;
  endControl: ReactNode;
}) {
  const t = useTranslations("facilitate.tasks");
  const format = useFormatter();
  const tally = tallyOf(live);
  const figures = [
    ["tallyPeople", tally.people],
    ["tallyNotes", tally.notes],
    ["tallyDiscussed", tally.practicesDiscussed],
    ["tallyAdopted", tally.adopted],
  ] as const;
  return (
    <div className="flex flex-col gap-4">
      <p>{t("wrapupLead")}</p>
      <dl className="grid grid-cols-2 gap-3 text-center sm:grid-cols-4">
        {figures.map(([label, value]) => (
          <div
            key={label}
            className="flex flex-col-reverse justify-end rounded-xl bg-raised px-2 py-3"
          >
            <dt className="text-sm text-muted">{t(label, { count: value })}</dt>
            <dd className="text-3xl font-bold tabular-nums">{format.number(value)}</dd>
          </div>
        ))}
      </dl>
      <WrapupActions details={details} live={live} />
      {endControl}
    </div>
  );
}

/** The current stage's work for the facilitator, per the stage table in DESIGN.md. */
export function StageTasks({
  details,
  live,
  discussion,
  endControl,
}: {
  details: SessionDetails;
  live: ConsoleSnapshot;
  /** The discuss stage's note moderation, built by the console which owns the mutations. */
  discussion: ReactNode;
  endControl: ReactNode;
}) {
  const t = useTranslations("facilitate");
  const tc = useTranslations("common");
  const stage = live.session.stage;
  return (
    <Card className="flex flex-col gap-4">
      <h2 className="text-xl font-bold">
        {t.rich("tasks.heading", {
          stage: stageName(tc, stage),
          sr: (chunks) => <span className="sr-only">{chunks}</span>,
        })}
      </h2>
      {stage === "lobby" && <LobbyTasks details={details} live={live} />}
      {stage === "read" && <ReadTasks details={details} />}
      {stage === "discuss" && discussion}
      {stage === "vote" && <VoteTasks details={details} live={live} />}
      {stage === "results" && <ResultsTasks details={details} live={live} />}
      {stage === "review" && <ReviewTasks sessionId={details.id} live={live} />}
      {stage === "actions" && <ActionTasks details={details} live={live} />}
      {stage === "wrapup" && <WrapupTasks details={details} live={live} endControl={endControl} />}
    </Card>
  );
}
