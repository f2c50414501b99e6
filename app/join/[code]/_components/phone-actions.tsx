"use client";

import { useId, useState, type FormEvent } from "react";

import type { RoomSnapshot } from "~/server/sessions/snapshot";

import { buttonClass, inputClass } from "../../../_components/ui";
import {
  groupActions,
  isKept,
  outcomeLabels,
  ownerAndDue,
  reviewProgress,
  type LiveAction,
  type ReviewOutcome,
} from "../../../facilitate/_lib/live-actions";
import { errorMessage, phoneClient } from "./phone-client";
import type { PhoneState } from "./phone-session";

const card = "rounded-2xl border border-line bg-surface p-4";
const keptMark = "rounded-full bg-ok-soft px-2 py-0.5 text-xs font-semibold text-ok";

function ActionLine({ action, marked = true }: { action: LiveAction; marked?: boolean }) {
  const dropped = action.status === "dropped";
  return (
    // Dropped reads as struck through in the muted colour, not faded: faded text fails contrast.
    <li className="rounded-xl bg-raised px-3 py-2">
      <p className={`break-words ${dropped ? "text-muted line-through" : "font-medium"}`}>
        {action.title}
      </p>
      <p className="mt-0.5 flex flex-wrap items-center gap-2 text-sm text-muted">
        {marked && isKept(action) && <span className={keptMark}>Kept ✓</span>}
        {dropped ? "Dropped" : ownerAndDue(action)}
      </p>
    </li>
  );
}

function ProposeForm({ sessionId, practiceId }: { sessionId: string; practiceId: string }) {
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
      setError(errorMessage(failure));
    } finally {
      setPending(false);
    }
  }

  return (
    <form onSubmit={(event) => void propose(event)} className="flex flex-col gap-2">
      <label htmlFor={id} className="font-medium">
        Propose an action
      </label>
      <input
        id={id}
        value={title}
        onChange={(event) => setTitle(event.target.value)}
        required
        minLength={3}
        maxLength={200}
        className={inputClass}
        placeholder="Who does what, by when?"
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? `${id}-error` : undefined}
      />
      {error && (
        <p id={`${id}-error`} className="text-sm font-medium text-danger">
          {error}
        </p>
      )}
      <p aria-live="polite" className="text-sm text-ok empty:hidden">
        {sent && `Proposed: “${sent}”. It's on the big screen.`}
      </p>
      <button type="submit" className={buttonClass()} disabled={pending}>
        {pending ? "Proposing…" : "Propose"}
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
  const adopted = room.voting.adoptedPracticeIds;
  const groups = groupActions(adopted, state.content.practices, room.actions);
  if (groups.length === 0) {
    return (
      <section className={card}>
        <h2 className="mb-2 text-xl font-bold">No practices adopted</h2>
        <p className="text-muted">Actions are proposed for the practices the team adopts.</p>
      </section>
    );
  }
  return (
    <div className="flex flex-col gap-4">
      <p className="text-muted">
        Turn what the team adopted into actions. The facilitator keeps, merges and assigns them.
      </p>
      {groups.map(({ practice, actions }) => (
        <section
          key={practice.id}
          aria-labelledby={`actions-${practice.id}`}
          className={`${card} flex flex-col gap-3`}
        >
          <h2 id={`actions-${practice.id}`} className="text-lg font-semibold">
            {practice.title}{" "}
            <span className="text-sm font-normal text-muted">({actions.length})</span>
          </h2>
          {actions.length === 0 ? (
            <p className="text-sm text-muted">No actions yet. Be the first.</p>
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
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<string | null>(null);
  async function mark(outcome: ReviewOutcome) {
    setPending(true);
    setError(null);
    try {
      await phoneClient().action.reviewOwn.mutate({ sessionId, actionId: item.id, outcome });
    } catch (failure) {
      setError(errorMessage(failure));
    } finally {
      setPending(false);
    }
  }
  return (
    <div role="group" aria-label={`Mark “${item.title}”`} className="mt-2 flex flex-wrap gap-2">
      {(Object.keys(outcomeLabels) as ReviewOutcome[]).map((outcome) => (
        <button
          key={outcome}
          type="button"
          aria-pressed={item.outcome === outcome}
          disabled={pending}
          onClick={() => void mark(outcome)}
          className={buttonClass(item.outcome === outcome ? "primary" : "secondary")}
        >
          {outcomeLabels[outcome]}
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
  const { reviewed, total } = reviewProgress(room.review);
  const me = state.participant.userId;
  return (
    <section className={`${card} flex flex-col gap-3`}>
      <h2 className="text-xl font-bold">Open actions from earlier sessions</h2>
      <p aria-live="polite" className="text-sm text-muted">
        {reviewed} of {total} reviewed
      </p>
      <ul className="flex flex-col gap-2">
        {room.review.map((item) => (
          <li key={item.id} className="rounded-xl bg-raised px-3 py-2">
            <div className="flex items-start gap-3">
              <div className="min-w-0 flex-1">
                <p className="font-medium break-words">{item.title}</p>
                <p className="text-sm text-muted">{ownerAndDue(item)}</p>
                {item.practiceTitle && <p className="text-sm text-muted">{item.practiceTitle}</p>}
              </div>
              <span
                className={`shrink-0 rounded-full px-2 py-0.5 text-sm font-semibold ${
                  item.outcome ? "bg-accent text-on-accent" : "border border-line text-muted"
                }`}
              >
                {item.outcome ? outcomeLabels[item.outcome] : "Open"}
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
  const groups = groupActions(
    room.voting.adoptedPracticeIds,
    state.content.practices,
    room.actions.filter(isKept),
  );
  return (
    <section className={`${card} flex flex-col gap-3`}>
      <h2 className="text-xl font-bold">That’s a wrap</h2>
      <p className="text-muted">
        Thanks, {state.participant.displayName}. {room.participantCount} people took part and wrote{" "}
        {room.notes.length} notes.
      </p>
      {groups.length > 0 && <h3 className="font-semibold">What we agreed</h3>}
      {groups.map(({ practice, actions }) => (
        <div key={practice.id} className="flex flex-col gap-2">
          <h4 className="font-medium">{practice.title}</h4>
          {actions.length === 0 ? (
            <p className="text-sm text-muted">No actions kept.</p>
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
