"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { useEffect, useRef, useState, type FormEvent } from "react";

import { formText } from "../../../../_components/form-data";
import { Alert, buttonClass, Field, inputClass } from "../../../../_components/ui";
import { useTRPC } from "../../../../_trpc/client";
import { useBoardWords } from "../_lib/board-words";
import type { BoardCard, BoardOptions } from "../_lib/types";
import { ActionHistory } from "./action-history";

/**
 * An action in a modal dialog: an edit form for its owner and the team's facilitators, the
 * plain facts for everyone else, and its history (who changed what, when) for all.
 */
export function ActionDialog({
  card,
  options,
  canEdit,
  onSaved,
  onClose,
}: {
  card: BoardCard;
  options: BoardOptions;
  canEdit: boolean;
  onSaved: (title: string) => void;
  onClose: () => void;
}) {
  const t = useTranslations("teams.dialog");
  const { statusLabel } = useBoardWords();
  const dialog = useRef<HTMLDialogElement>(null);
  useEffect(() => {
    const element = dialog.current;
    if (element && !element.open) element.showModal();
    return () => element?.close();
  }, []);

  return (
    <dialog
      ref={dialog}
      aria-labelledby="action-dialog-title"
      onClose={onClose}
      // A click on the backdrop lands on the dialog element itself: treat it as "close".
      onClick={(event) => {
        if (event.target === event.currentTarget) event.currentTarget.close();
      }}
      className="m-auto max-h-[90dvh] w-[min(40rem,calc(100vw-1rem))] overflow-y-auto rounded-2xl border border-line bg-surface p-0 text-fg shadow-xl backdrop:bg-black/50"
    >
      <div className="flex flex-col gap-6 p-5 sm:p-6">
        <header className="flex items-start justify-between gap-3">
          <div className="flex min-w-0 flex-col gap-1">
            <p className="text-sm text-muted">
              {statusLabel(card.status)}
              {card.practiceTitle ? ` · ${card.practiceTitle}` : ""}
            </p>
            <h2 id="action-dialog-title" className="text-xl font-bold break-words">
              {canEdit ? t("editTitle") : card.title}
            </h2>
          </div>
          <button
            type="button"
            className={`${buttonClass("ghost")} shrink-0`}
            onClick={() => dialog.current?.close()}
          >
            {t("close")}
          </button>
        </header>
        {canEdit ? (
          <EditForm card={card} options={options} onSaved={onSaved} />
        ) : (
          <ActionFacts card={card} />
        )}
        <section aria-labelledby="action-history-title" className="flex flex-col gap-3">
          <h3 id="action-history-title" className="text-lg font-semibold">
            {t("history")}
          </h3>
          <ActionHistory actionId={card.id} options={options} />
        </section>
      </div>
    </dialog>
  );
}

function ActionFacts({ card }: { card: BoardCard }) {
  const t = useTranslations("teams");
  const { formatDay } = useBoardWords();
  return (
    <dl className="grid grid-cols-[auto_minmax(0,1fr)] gap-x-4 gap-y-2">
      <dt className="text-muted">{t("card.owner")}</dt>
      <dd>{card.ownerName ?? t("card.nobody")}</dd>
      <dt className="text-muted">{t("card.due")}</dt>
      <dd>{card.dueOn ? formatDay(card.dueOn) : t("card.noDate")}</dd>
      {card.sessionTitle && (
        <>
          <dt className="text-muted">{t("card.session")}</dt>
          <dd className="break-words">{card.sessionTitle}</dd>
        </>
      )}
      <dt className="text-muted">{t("card.details")}</dt>
      <dd className="break-words whitespace-pre-line">{card.details || t("dialog.detailsNone")}</dd>
    </dl>
  );
}

function EditForm({
  card,
  options,
  onSaved,
}: {
  card: BoardCard;
  options: BoardOptions;
  onSaved: (title: string) => void;
}) {
  const t = useTranslations("teams");
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [saved, setSaved] = useState(false);
  const edit = useMutation(
    trpc.board.edit.mutationOptions({
      onSuccess: async (_result, input) => {
        setSaved(true);
        onSaved(input.title ?? card.title);
        await Promise.all([
          queryClient.invalidateQueries(trpc.board.list.pathFilter()),
          queryClient.invalidateQueries(trpc.board.options.pathFilter()),
          queryClient.invalidateQueries(trpc.board.history.queryFilter({ actionId: card.id })),
        ]);
      },
    }),
  );
  // An owner who left the team still shows, so saving doesn't silently clear them.
  const ownerKnown = !card.ownerId || options.members.some((m) => m.id === card.ownerId);

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setSaved(false);
    const form = new FormData(event.currentTarget);
    edit.mutate({
      actionId: card.id,
      title: formText(form, "title"),
      details: formText(form, "details").trim() || null,
      ownerId: formText(form, "ownerId") || null,
      dueOn: formText(form, "dueOn") || null,
    });
  }

  return (
    <form onSubmit={submit} onChange={() => setSaved(false)} className="flex flex-col gap-4">
      <Field
        label={t("dialog.title")}
        name="title"
        defaultValue={card.title}
        required
        minLength={3}
        maxLength={200}
        autoComplete="off"
      />
      <div className="flex flex-col gap-1.5">
        <label htmlFor="action-details" className="font-medium">
          {t.rich("dialog.detailsOptional", {
            muted: (chunks) => <span className="font-normal text-muted">{chunks}</span>,
          })}
        </label>
        <textarea
          id="action-details"
          name="details"
          rows={3}
          maxLength={2000}
          defaultValue={card.details ?? ""}
          className={`${inputClass} py-2`}
        />
      </div>
      <div className="grid gap-4 sm:grid-cols-2">
        <div className="flex flex-col gap-1.5">
          <label htmlFor="action-owner" className="font-medium">
            {t("card.owner")}
          </label>
          <select
            id="action-owner"
            name="ownerId"
            defaultValue={card.ownerId ?? ""}
            className={inputClass}
          >
            <option value="">{t("card.nobody")}</option>
            {!ownerKnown && card.ownerId && (
              <option value={card.ownerId}>{card.ownerName ?? t("dialog.formerMember")}</option>
            )}
            {options.members.map((member) => (
              <option key={member.id} value={member.id}>
                {member.name}
              </option>
            ))}
          </select>
        </div>
        <Field
          label={t("dialog.dueDate")}
          name="dueOn"
          type="date"
          defaultValue={card.dueOn ?? ""}
          hint={t("dialog.dueDateHint")}
        />
      </div>
      {edit.error && <Alert tone="error">{edit.error.message}</Alert>}
      {saved && <Alert tone="success">{t("dialog.savedAlert")}</Alert>}
      <div className="flex flex-wrap gap-3">
        <button type="submit" className={buttonClass()} disabled={edit.isPending}>
          {edit.isPending ? t("dialog.saving") : t("dialog.save")}
        </button>
      </div>
    </form>
  );
}
