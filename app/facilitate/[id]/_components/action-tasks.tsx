"use client";

import { useMutation, useQuery } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { useId, useState } from "react";

import { Alert, buttonClass, inputClass } from "../../../_components/ui";
import { useTRPC } from "../../../_trpc/client";
import { actionCounts, groupActions, isKept, type LiveAction } from "../../_lib/live-actions";
import type { ConsoleSnapshot, SessionDetails } from "../../_lib/live-types";
import { ActionRow, type Member, type PracticeOption } from "./action-row";
import { useActionWords } from "./console-words";

function adoptedPractices(details: SessionDetails, live: ConsoleSnapshot): PracticeOption[] {
  const titles = new Map(details.content.practices.map((p) => [p.id, p.title]));
  return live.voting.adoptedPracticeIds.flatMap((id) => {
    const title = titles.get(id);
    return title ? [{ id, title }] : [];
  });
}

function useMembers(teamId: string): Member[] | undefined {
  const trpc = useTRPC();
  const { data } = useQuery(trpc.team.members.queryOptions({ teamId }));
  return data?.map((member) => ({ userId: member.userId, name: member.name }));
}

/** Proposals first, in the order they came; dropped ones sink to the bottom. */
function byStatus(actions: LiveAction[]) {
  return [...actions].sort(
    (a, b) => Number(a.status === "dropped") - Number(b.status === "dropped"),
  );
}

function AddActionForm({ sessionId, practice }: { sessionId: string; practice: PracticeOption }) {
  const t = useTranslations("facilitate.actions");
  const words = useActionWords();
  const trpc = useTRPC();
  const id = useId();
  const [title, setTitle] = useState("");
  const create = useMutation(trpc.action.create.mutationOptions({ onSuccess: () => setTitle("") }));
  return (
    <form
      className="flex flex-col gap-1"
      onSubmit={(event) => {
        event.preventDefault();
        create.mutate({ sessionId, practiceId: practice.id, title });
      }}
    >
      <label htmlFor={id} className="text-sm font-medium">
        {t.rich("addLabel", {
          practice: practice.title,
          sr: (chunks) => <span className="sr-only">{chunks}</span>,
        })}
      </label>
      <div className="flex gap-2">
        <input
          id={id}
          value={title}
          onChange={(event) => setTitle(event.target.value)}
          required
          minLength={3}
          maxLength={200}
          className={`${inputClass} min-w-0 flex-1`}
          aria-invalid={create.isError ? true : undefined}
          aria-describedby={create.isError ? `${id}-error` : undefined}
        />
        <button type="submit" className={buttonClass("secondary")} disabled={create.isPending}>
          {create.isPending ? t("adding") : t("add")}
        </button>
      </div>
      <p className="text-sm text-muted">{t("addHint")}</p>
      {create.error && (
        <p id={`${id}-error`} role="alert" className="text-sm font-medium text-danger">
          {words.readableError(create.error)}
        </p>
      )}
    </form>
  );
}

/** Actions: every proposal under its adopted practice, shaped into kept actions or dropped. */
export function ActionTasks({ details, live }: { details: SessionDetails; live: ConsoleSnapshot }) {
  const t = useTranslations("facilitate.actions");
  const words = useActionWords();
  const members = useMembers(details.teamId);
  const practices = adoptedPractices(details, live);
  const groups = groupActions(
    live.voting.adoptedPracticeIds,
    details.content.practices,
    live.actions,
    words.groupNames,
  );
  const counts = actionCounts(live.actions);
  const locked = live.session.endedAt !== null;
  const mergeTargets = live.actions.filter((action) => action.status !== "dropped");

  if (groups.length === 0) {
    return <p>{t.rich("noneAdopted", { strong: (chunks) => <strong>{chunks}</strong> })}</p>;
  }

  return (
    <div className="flex flex-col gap-5">
      <p className="text-muted">{t("lead")}</p>
      <p aria-live="polite" className="text-lg font-semibold">
        {t(counts.dropped > 0 ? "countsDropped" : "counts", counts)}
      </p>
      {members?.length === 0 && <Alert tone="info">{t("noMembers")}</Alert>}
      {groups.map(({ practice, actions }) => (
        <section
          key={practice.id}
          aria-labelledby={`console-actions-${practice.id}`}
          className="flex flex-col gap-3 border-t border-line pt-4"
        >
          <h3
            id={`console-actions-${practice.id}`}
            className="flex items-baseline justify-between gap-3 text-lg font-semibold"
          >
            <span className="min-w-0">{practice.title}</span>
            <span className="shrink-0 text-sm font-normal text-muted">
              {t("count", { count: actions.length })}
            </span>
          </h3>
          {actions.length === 0 ? (
            <p className="text-sm text-muted">{t("nothingProposed")}</p>
          ) : (
            <ul className="flex flex-col gap-3">
              {byStatus(actions).map((action) => (
                <ActionRow
                  key={action.id}
                  sessionId={details.id}
                  action={action}
                  practices={practices}
                  members={members}
                  mergeTargets={mergeTargets}
                  locked={locked}
                />
              ))}
            </ul>
          )}
          {!locked && practices.some((p) => p.id === practice.id) && (
            <AddActionForm sessionId={details.id} practice={practice} />
          )}
        </section>
      ))}
    </div>
  );
}

/**
 * Wrap-up: what the team agreed, and a warning for proposals still neither kept nor dropped
 * (they never reach the board), each a click from decided.
 */
export function WrapupActions({
  details,
  live,
}: {
  details: SessionDetails;
  live: ConsoleSnapshot;
}) {
  const t = useTranslations("facilitate.actions");
  const words = useActionWords();
  const members = useMembers(details.teamId);
  const undecided = live.actions.filter((action) => action.status === "proposed");
  const kept = groupActions(
    live.voting.adoptedPracticeIds,
    details.content.practices,
    live.actions.filter(isKept),
    words.groupNames,
  );
  const locked = live.session.endedAt !== null;
  return (
    <div className="flex flex-col gap-4">
      {undecided.length > 0 && (
        <section
          aria-labelledby="undecided-heading"
          className="flex flex-col gap-3 rounded-xl border border-danger bg-danger-soft/40 p-3 sm:p-4"
        >
          <h3 id="undecided-heading" className="font-semibold">
            {t("undecided", { count: undecided.length })}
          </h3>
          <p className="text-sm">{t("undecidedHint")}</p>
          <ul className="flex flex-col gap-3">
            {undecided.map((action) => (
              <ActionRow
                key={action.id}
                sessionId={details.id}
                action={action}
                practices={adoptedPractices(details, live)}
                members={members}
                mergeTargets={live.actions.filter((a) => a.status !== "dropped")}
                locked={locked}
              />
            ))}
          </ul>
        </section>
      )}
      {kept.length > 0 && (
        <section aria-labelledby="agreed-heading" className="flex flex-col gap-2">
          <h3 id="agreed-heading" className="font-semibold">
            {t("agreedHeading")}
          </h3>
          {kept.map(({ practice, actions }) => (
            <div key={practice.id}>
              <p className="font-medium">{practice.title}</p>
              {actions.length === 0 ? (
                <p className="text-sm text-muted">{t("noneKept")}</p>
              ) : (
                <ul className="list-disc pl-6">
                  {actions.map((action) => (
                    <li key={action.id}>
                      {action.title}{" "}
                      <span className="text-muted">— {words.ownerAndDue(action)}</span>
                    </li>
                  ))}
                </ul>
              )}
            </div>
          ))}
        </section>
      )}
    </div>
  );
}
