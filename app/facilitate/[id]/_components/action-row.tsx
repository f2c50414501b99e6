"use client";

import { useMutation } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { useId, useState, type KeyboardEvent } from "react";

import { buttonClass, inputClass } from "../../../_components/ui";
import { useTRPC } from "../../../_trpc/client";
import { isKept, type LiveAction } from "../../_lib/live-actions";
import { useActionWords } from "./console-words";

export interface Member {
  userId: string;
  name: string;
}

export interface PracticeOption {
  id: string;
  title: string;
}

const smallButton = "min-h-9 px-3 text-sm";
const fieldLabel = "text-sm font-medium text-muted";
const sr = (chunks: React.ReactNode) => <span className="sr-only">{chunks}</span>;
const selectClass = `${inputClass} min-h-10`;

function short(text: string, length = 60) {
  return text.length > length ? `${text.slice(0, length - 1)}…` : text;
}

/** Enter saves (by leaving the field), Escape puts back what is saved. */
function saveKeys(saved: string) {
  return (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.key === "Enter") {
      event.preventDefault();
      event.currentTarget.blur();
    } else if (event.key === "Escape") {
      event.currentTarget.value = saved;
      event.currentTarget.blur();
    }
  };
}

/**
 * One action as the facilitator shapes it: wording, owner, due date, practice, kept or dropped,
 * or merged into the action it repeats. Each change is saved at once and the room follows.
 */
export function ActionRow({
  sessionId,
  action,
  practices,
  members,
  mergeTargets,
  locked,
}: {
  sessionId: string;
  action: LiveAction;
  practices: PracticeOption[];
  members: Member[] | undefined;
  mergeTargets: LiveAction[];
  locked: boolean;
}) {
  const t = useTranslations("facilitate");
  const { readableError } = useActionWords();
  const trpc = useTRPC();
  const id = useId();
  const update = useMutation(trpc.action.update.mutationOptions());
  const merge = useMutation(trpc.action.merge.mutationOptions());
  const [mergeInto, setMergeInto] = useState("");
  const busy = locked || update.isPending || merge.isPending;
  const dropped = action.status === "dropped";
  const kept = isKept(action);
  const name = short(action.title);

  const patch = (change: Parameters<typeof update.mutate>[0]["patch"]) =>
    update.mutate({ sessionId, actionId: action.id, patch: change });
  // While a change is on its way, the field shows it rather than snapping back.
  const pendingPatch = update.isPending ? update.variables.patch : {};
  const ownerValue = ("ownerId" in pendingPatch ? pendingPatch.ownerId : action.ownerId) ?? "";
  const practiceValue = pendingPatch.practiceId ?? action.practiceId ?? "";

  const failedPatch = update.isError ? update.variables.patch : undefined;
  const updateError = update.error ? readableError(update.error) : undefined;
  const mergeError = merge.error ? readableError(merge.error) : undefined;
  const titleError = failedPatch && "title" in failedPatch ? updateError : undefined;
  const error = titleError ? mergeError : (updateError ?? mergeError);

  const owners: Member[] = members ? [...members] : [];
  if (action.ownerId && !owners.some((m) => m.userId === action.ownerId)) {
    owners.push({ userId: action.ownerId, name: action.ownerName ?? t("row.formerMember") });
  }
  const practiceOptions = practices.some((p) => p.id === practiceValue)
    ? practices
    : [
        ...practices,
        {
          id: practiceValue,
          title: practiceValue ? t("shared.anotherPractice") : t("row.noPractice"),
        },
      ];
  const targets = mergeTargets.filter((other) => other.id !== action.id);

  const status = dropped ? (
    <span className="font-semibold text-muted">{t("row.dropped")}</span>
  ) : kept ? (
    <span className="font-semibold text-ok">{t("row.keptOnBoard")}</span>
  ) : (
    <span>{t("row.proposed")}</span>
  );

  if (dropped) {
    return (
      <li className="flex flex-wrap items-center justify-between gap-2 rounded-lg border border-dashed border-line p-3">
        <div className="min-w-0">
          <p className="break-words text-muted line-through">{action.title}</p>
          <p className="text-sm text-muted">{status}</p>
          {error && (
            <p role="alert" className="text-sm font-medium text-danger">
              {error}
            </p>
          )}
        </div>
        <button
          type="button"
          className={`${buttonClass("secondary")} ${smallButton}`}
          disabled={busy}
          onClick={() => patch({ status: "proposed" })}
        >
          {t.rich("row.undoDrop", { name, sr })}
        </button>
      </li>
    );
  }

  return (
    <li
      className={`flex flex-col gap-3 rounded-lg border p-3 ${
        kept ? "border-ok bg-ok-soft/40" : "border-line bg-surface"
      }`}
    >
      <p className="text-sm text-muted">
        {status}
        {action.proposedBy && <> {t("row.proposedBy", { name: action.proposedBy })}</>}
      </p>
      <div className="flex flex-col gap-1">
        <label htmlFor={`${id}-title`} className={fieldLabel}>
          {t.rich("row.action", { name, sr })}
        </label>
        <input
          id={`${id}-title`}
          key={action.title}
          defaultValue={action.title}
          maxLength={200}
          disabled={locked}
          className={`${inputClass} font-medium`}
          aria-invalid={titleError ? true : undefined}
          aria-describedby={titleError ? `${id}-title-error` : undefined}
          onKeyDown={saveKeys(action.title)}
          onBlur={(event) => {
            const title = event.currentTarget.value.trim();
            if (title !== action.title) patch({ title });
          }}
        />
        {titleError && (
          <p id={`${id}-title-error`} role="alert" className="text-sm font-medium text-danger">
            {titleError}
          </p>
        )}
      </div>
      <div className="grid grid-cols-[repeat(auto-fit,minmax(11rem,1fr))] gap-3">
        <label className="flex min-w-0 flex-col gap-1">
          <span className={fieldLabel}>{t.rich("row.owner", { name, sr })}</span>
          <select
            value={ownerValue}
            disabled={busy || !members}
            className={selectClass}
            onChange={(event) => patch({ ownerId: event.target.value || null })}
          >
            <option value="">{t("row.noOwner")}</option>
            {owners.map((member) => (
              <option key={member.userId} value={member.userId}>
                {member.name}
              </option>
            ))}
          </select>
        </label>
        <label className="flex min-w-0 flex-col gap-1">
          <span className={fieldLabel}>{t.rich("row.dueDate", { name, sr })}</span>
          <input
            type="date"
            key={action.dueOn ?? ""}
            defaultValue={action.dueOn ?? ""}
            min="2000-01-01"
            max="2100-12-31"
            disabled={locked}
            className={selectClass}
            onKeyDown={saveKeys(action.dueOn ?? "")}
            onBlur={(event) => {
              const dueOn = event.currentTarget.value || null;
              if (dueOn !== action.dueOn) patch({ dueOn });
            }}
          />
        </label>
        <label className="flex min-w-0 flex-col gap-1">
          <span className={fieldLabel}>{t.rich("row.practice", { name, sr })}</span>
          <select
            value={practiceValue}
            disabled={busy}
            className={selectClass}
            onChange={(event) => patch({ practiceId: event.target.value })}
          >
            {practiceOptions.map((practice) => (
              <option key={practice.id} value={practice.id}>
                {practice.title}
              </option>
            ))}
          </select>
        </label>
      </div>
      <div className="flex flex-wrap gap-2">
        <button
          type="button"
          aria-pressed={kept}
          className={`${buttonClass(kept ? "primary" : "secondary")} ${smallButton}`}
          disabled={busy}
          onClick={() => patch({ status: kept ? "proposed" : "todo" })}
        >
          {t.rich(kept ? "row.kept" : "row.keep", { name, sr })}
        </button>
        <button
          type="button"
          className={`${buttonClass("secondary")} ${smallButton}`}
          disabled={busy}
          onClick={() => patch({ status: "dropped" })}
        >
          {t.rich("row.drop", { name, sr })}
        </button>
      </div>
      {targets.length > 0 && (
        <form
          className="flex flex-col gap-1"
          onSubmit={(event) => {
            event.preventDefault();
            if (mergeInto) merge.mutate({ sessionId, duplicateId: action.id, intoId: mergeInto });
          }}
        >
          <label htmlFor={`${id}-merge`} className={fieldLabel}>
            {t.rich("row.mergeInto", { name, sr })}
          </label>
          <div className="flex flex-wrap gap-2">
            <select
              id={`${id}-merge`}
              value={mergeInto}
              disabled={busy}
              className={`${selectClass} min-w-40 flex-1`}
              onChange={(event) => setMergeInto(event.target.value)}
            >
              <option value="">{t("row.pickTarget")}</option>
              {targets.map((other) => (
                <option key={other.id} value={other.id}>
                  {short(other.title, 50)}
                </option>
              ))}
            </select>
            <button
              type="submit"
              className={`${buttonClass("secondary")} ${smallButton} shrink-0`}
              disabled={busy || !mergeInto}
            >
              {t.rich(merge.isPending ? "row.merging" : "row.merge", { name, sr })}
            </button>
          </div>
        </form>
      )}
      {error && (
        <p role="alert" className="text-sm font-medium text-danger">
          {error}
        </p>
      )}
    </li>
  );
}
