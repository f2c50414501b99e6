"use client";

import { useFormatter, useTranslations } from "next-intl";
import { useId, useState, type FormEvent } from "react";

import type { RoomSnapshot } from "~/server/sessions/snapshot";

import { buttonClass, inputClass } from "../../../_components/ui";
import {
  dueDayFormat,
  groupActions,
  isKept,
  ownerAndDue,
  reviewOutcomes,
  reviewProgress,
  type GroupNames,
  type LiveAction,
  type OwnerDueWords,
  type ReviewOutcome,
} from "../../../facilitate/_lib/live-actions";
import { errorMessage, phoneClient } from "./phone-client";
import type { PhoneState } from "./phone-session";

const card = "rounded-2xl border border-line bg-surface p-4";
const keptMark = "rounded-full bg-ok-soft px-2 py-0.5 text-xs font-semibold text-ok";

/** The words of an owner-and-due line ("Lin · due Fri, Dec 4") in the reader's language. */
function useOwnerDueWords(): OwnerDueWords {
  const t = useTranslations("phone");
  const format = useFormatter();
  return {
    noOwner: t("actions.noOwner"),
    withDue: (owner, due) => t("actions.ownerDue", { owner, due }),
    formatDay: (day) => format.dateTime(day, dueDayFormat),
  };
}

/** What to call a group whose practice isn't on this session's list, or that has none. */
function useGroupNames(): GroupNames {
  const t = useTranslations("phone");
  return { another: t("actions.anotherPractice"), none: t("actions.noPractice") };
}

function ActionLine({ action, marked = true }: { action: LiveAction; marked?: boolean }) {
  const t = useTranslations("phone");
  const ownerDueWords = useOwnerDueWords();
  const dropped = action.status === "dropped";
  return (
    // Dropped reads as struck through in the muted colour, not faded: faded text fails contrast.
    <li className="rounded-xl bg-raised px-3 py-2">
      <p className={`break-words ${dropped ? "text-muted line-through" : "font-medium"}`}>
        {action.title}
      </p>
      <p className="mt-0.5 flex flex-wrap items-center gap-2 text-sm text-muted">
        {marked && isKept(action) && <span className={keptMark}>{t("actions.kept")}</span>}
        {dropped ? t("actions.dropped") : ownerAndDue(action, ownerDueWords)}
      </p>
    </li>
  );
}

function ProposeForm({ sessionId, practiceId }: { sessionId: string; practiceId: string }) {
  const t = useTranslations("phone");
  const id = useId();
  const [title, setTitle] = useState("");
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [sent, setSent] = useState<string | null>(null);

  async function propose(event: FormEvent) {
    event.preventDefault();
    setPending(true);
    setError(null);
    setSent(null);
    try {
      await phoneClient().action.propose.mutate({ sessionId, practiceId, title });
      setSent(title.trim());
      setTitle("");
    } catch (failure) {
      setError(errorMessage(failure, t("errors.network")));
    } finally {
      setPending(false);
    }
  }

  return (
    <form onSubmit={(event) => void propose(event)} className="flex flex-col gap-2">
      <label htmlFor={id} className="font-medium">
        {t("actions.proposeLabel")}
      </label>
      <input
        id={id}
        value={title}
        onChange={(event) => setTitle(event.target.value)}
        required
        minLength={3}
        maxLength={200}
        className={inputClass}
        placeholder={t("actions.placeholder")}
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? `${id}-error` : undefined}
      />
      {error && (
        <p id={`${id}-error`} className="text-sm font-medium text-danger">
          {error}
        </p>
      )}
      <p aria-live="polite" className="text-sm text-ok empty:hidden">
        {sent && t("actions.proposed", { title: sent })}
      </p>
      <button type="submit" className={buttonClass()} disabled={pending}>
        {pending ? t("actions.proposing") : t("actions.propose")}
      </button>
    </form>
  );
}

/** Actions: what the room proposed under each adopted practice, and a form to add one. */
export function PhoneActions({
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
  const groupNames = useGroupNames();
  const adopted = room.voting.adoptedPracticeIds;
  const groups = groupActions(adopted, state.content.practices, room.actions, groupNames);
  if (groups.length === 0) {
    return (
      <section className={card}>
        <h2 className="mb-2 text-xl font-bold">{t("actions.noneAdoptedTitle")}</h2>
        <p className="text-muted">{t("actions.noneAdoptedBody")}</p>
      </section>
    );
  }
  return (
    <div className="flex flex-col gap-4">
      <p className="text-muted">{t("actions.intro")}</p>
      {groups.map(({ practice, actions }) => (
        <section
          key={practice.id}
          aria-labelledby={`actions-${practice.id}`}
          className={`${card} flex flex-col gap-3`}
        >
          <h2 id={`actions-${practice.id}`} className="text-lg font-semibold">
            {practice.title}{" "}
            <span className="text-sm font-normal text-muted">
              ({format.number(actions.length)})
            </span>
          </h2>
          {actions.length === 0 ? (
            <p className="text-sm text-muted">{t("actions.empty")}</p>
          ) : (
            <ul className="flex flex-col gap-2">
              {actions.map((action) => (
                <ActionLine key={action.id} action={action} />
              ))}
            </ul>
          )}
          {adopted.includes(practice.id) && (
            <ProposeForm sessionId={sessionId} practiceId={practice.id} />
          )}
        </section>
      ))}
    </div>
  );
}

/** A signed-in owner's own say on their action: done, carried over or dropped. */
function OwnReview({
  sessionId,
  item,
}: {
  sessionId: string;
  item: RoomSnapshot["review"][number];
}) {
  const t = useTranslations("phone");
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<string | null>(null);
  async function mark(outcome: ReviewOutcome) {
    setPending(true);
    setError(null);
    try {
      await phoneClient().action.reviewOwn.mutate({ sessionId, actionId: item.id, outcome });
    } catch (failure) {
      setError(errorMessage(failure, t("errors.network")));
    } finally {
      setPending(false);
    }
  }
  return (
    <div
      role="group"
      aria-label={t("review.mark", { title: item.title })}
      className="mt-2 flex flex-wrap gap-2"
    >
      {reviewOutcomes.map((outcome) => (
        <button
          key={outcome}
          type="button"
          aria-pressed={item.outcome === outcome}
          disabled={pending}
          onClick={() => void mark(outcome)}
          className={buttonClass(item.outcome === outcome ? "primary" : "secondary")}
        >
          {t(`review.outcomes.${outcome}`)}
        </button>
      ))}
      {error && <p className="w-full text-sm font-medium text-danger">{error}</p>}
    </div>
  );
}

/**
 * Review: the team's open actions from earlier sessions and what is decided about each; a
 * signed-in owner marks their own from the phone, everyone else follows along.
 */
export function PhoneReview({
  sessionId,
  room,
  state,
}: {
  sessionId: string;
  room: RoomSnapshot;
  state: PhoneState;
}) {
  const t = useTranslations("phone");
  const ownerDueWords = useOwnerDueWords();
  const { reviewed, total } = reviewProgress(room.review);
  const me = state.participant.userId;
  return (
    <section className={`${card} flex flex-col gap-3`}>
      <h2 className="text-xl font-bold">{t("review.title")}</h2>
      <p aria-live="polite" className="text-sm text-muted">
        {t("review.progress", { reviewed, total })}
      </p>
      <ul className="flex flex-col gap-2">
        {room.review.map((item) => (
          <li key={item.id} className="rounded-xl bg-raised px-3 py-2">
            <div className="flex items-start gap-3">
              <div className="min-w-0 flex-1">
                <p className="font-medium break-words">{item.title}</p>
                <p className="text-sm text-muted">{ownerAndDue(item, ownerDueWords)}</p>
                {item.practiceTitle && <p className="text-sm text-muted">{item.practiceTitle}</p>}
              </div>
              <span
                className={`shrink-0 rounded-full px-2 py-0.5 text-sm font-semibold ${
                  item.outcome ? "bg-accent text-on-accent" : "border border-line text-muted"
                }`}
              >
                {item.outcome ? t(`review.outcomes.${item.outcome}`) : t("review.open")}
              </span>
            </div>
            {me !== null && item.ownerId === me && <OwnReview sessionId={sessionId} item={item} />}
          </li>
        ))}
      </ul>
    </section>
  );
}

/** Wrap-up: thanks, and what the team agreed: adopted practices and the actions kept. */
export function PhoneWrapup({ room, state }: { room: RoomSnapshot; state: PhoneState }) {
  const t = useTranslations("phone");
  const groupNames = useGroupNames();
  const groups = groupActions(
    room.voting.adoptedPracticeIds,
    state.content.practices,
    room.actions.filter(isKept),
    groupNames,
  );
  return (
    <section className={`${card} flex flex-col gap-3`}>
      <h2 className="text-xl font-bold">{t("wrapup.title")}</h2>
      <p className="text-muted">
        {t("wrapup.thanks", {
          name: state.participant.displayName,
          people: room.participantCount,
          notes: room.notes.length,
        })}
      </p>
      {groups.length > 0 && <h3 className="font-semibold">{t("wrapup.agreed")}</h3>}
      {groups.map(({ practice, actions }) => (
        <div key={practice.id} className="flex flex-col gap-2">
          <h4 className="font-medium">{practice.title}</h4>
          {actions.length === 0 ? (
            <p className="text-sm text-muted">{t("wrapup.noneKept")}</p>
          ) : (
            <ul className="flex flex-col gap-2">
              {actions.map((action) => (
                <ActionLine key={action.id} action={action} marked={false} />
              ))}
            </ul>
          )}
        </div>
      ))}
    </section>
  );
}
