"use client";

import { useMutation, useQueryClient, useSuspenseQuery } from "@tanstack/react-query";
import { useSubscription } from "@trpc/tanstack-react-query";
import { useTranslations } from "next-intl";
import { useState, useTransition } from "react";

import type { TeamRole, UserRole } from "~/db/schema";
import { isOverdue } from "~/server/actions/follow-through";
import type { BoardStatus } from "~/server/actions/inputs";
import { mayEditAction } from "~/server/auth/policy";

import { ConnectionBadge, liveConnection } from "../../../../_components/connection-status";
import { Alert, buttonClass } from "../../../../_components/ui";
import { useTRPC } from "../../../../_trpc/client";
import { columns, useBoardWords } from "../_lib/board-words";
import {
  boardListInput,
  boardSearch,
  hasFilters,
  noFilters,
  type BoardFilters,
} from "../_lib/filters";
import type { BoardCard, BoardData } from "../_lib/types";
import { ActionCard, moveHintId } from "./action-card";
import { ActionDialog } from "./action-dialog";
import { BoardFilterBar } from "./board-filters";
import { BoardColumn } from "./board-column";

export interface BoardViewer {
  id: string;
  role: UserRole;
}

/**
 * The team's action board: four columns, filters kept in the address, moves by drag and drop
 * or keyboard (optimistic, rolled back on refusal), and live reloads when another board changes.
 */
export function ActionBoard({
  teamId,
  slug,
  viewer,
  membership,
  canManage,
  initialFilters,
}: {
  teamId: string;
  slug: string;
  viewer: BoardViewer;
  membership: TeamRole | null;
  canManage: boolean;
  initialFilters: BoardFilters;
}) {
  const t = useTranslations("teams.board");
  const { statusLabel } = useBoardWords();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [filters, setFilters] = useState(initialFilters);
  const [filtering, startFiltering] = useTransition();
  const { data: board } = useSuspenseQuery(
    trpc.board.list.queryOptions(boardListInput(teamId, filters)),
  );
  const { data: options } = useSuspenseQuery(trpc.board.options.queryOptions({ teamId }));

  const [announcement, setAnnouncement] = useState("");
  const [problem, setProblem] = useState<string | null>(null);
  /** The card to give the focus back to once it has landed in this column (a new element). */
  const [focusTarget, setFocusTarget] = useState<{ id: string; status: string } | null>(null);
  const [draggingId, setDraggingId] = useState<string | null>(null);
  const [openCard, setOpenCard] = useState<string | null>(null);

  const moveKey = trpc.board.move.mutationKey();
  const live = useSubscription(
    trpc.board.live.subscriptionOptions(
      { teamId },
      {
        onData: () => {
          // A move of ours in flight reloads when it settles; reloading now could flash it back.
          if (queryClient.isMutating({ mutationKey: moveKey }) > 0) return;
          void queryClient.invalidateQueries(trpc.board.list.pathFilter());
          void queryClient.invalidateQueries(trpc.board.options.pathFilter());
          void queryClient.invalidateQueries(trpc.board.history.pathFilter());
        },
      },
    ),
  );

  const move = useMutation(
    trpc.board.move.mutationOptions({
      onMutate: async ({ actionId, status }) => {
        await queryClient.cancelQueries(trpc.board.list.pathFilter());
        const previous = queryClient.getQueriesData<BoardData>(trpc.board.list.pathFilter());
        queryClient.setQueriesData<BoardData>(trpc.board.list.pathFilter(), (old) =>
          old
            ? {
                ...old,
                actions: old.actions.map((a) => (a.id === actionId ? { ...a, status } : a)),
              }
            : old,
        );
        const before = previous
          .flatMap(([, data]) => data?.actions ?? [])
          .find((a) => a.id === actionId);
        return { previous, before };
      },
      onError: (error, { actionId }, context) => {
        for (const [key, data] of context?.previous ?? []) queryClient.setQueryData(key, data);
        const before = context?.before;
        const text = before
          ? t("moveFailed", {
              title: before.title,
              error: error.message,
              column: statusLabel(before.status),
            })
          : t("moveFailedUnknown", { error: error.message });
        setProblem(text);
        setAnnouncement(text);
        if (before) setFocusTarget({ id: actionId, status: before.status });
      },
      onSettled: () =>
        Promise.all([
          queryClient.invalidateQueries(trpc.board.list.pathFilter()),
          queryClient.invalidateQueries(trpc.board.history.pathFilter()),
        ]),
    }),
  );

  const mayEdit = (card: BoardCard) => mayEditAction(viewer, membership, card.ownerId);

  function moveCard(card: BoardCard, status: BoardStatus, keepFocus: boolean) {
    if (card.status === status || !mayEdit(card)) return;
    setProblem(null);
    setAnnouncement(t("moved", { title: card.title, column: statusLabel(status) }));
    if (keepFocus) setFocusTarget({ id: card.id, status });
    move.mutate({ actionId: card.id, status });
  }

  function changeFilters(next: BoardFilters) {
    // Shareable: the address says what the board shows, without a server round trip.
    window.history.replaceState(null, "", `${window.location.pathname}${boardSearch(next)}`);
    startFiltering(() => setFilters(next));
  }

  const filtered = hasFilters(filters);
  const opened = openCard ? board.actions.find((a) => a.id === openCard) : undefined;
  const connection = liveConnection(live.status, live.data !== undefined);

  return (
    <div className="flex flex-col gap-5">
      {/* The page's title lives here so the live badge can sit beside it, not among the filters. */}
      <header className="-mb-1 flex flex-col gap-2">
        <div className="flex flex-wrap items-center gap-x-3 gap-y-2">
          <h1 className="text-2xl font-bold tracking-tight sm:text-3xl">{t("title")}</h1>
          <ConnectionBadge connection={connection} />
        </div>
        <p className="text-muted">{canManage ? t("leadCanManage") : t("leadOwner")}</p>
      </header>
      <div className="flex flex-col gap-4 lg:flex-row lg:items-end lg:justify-between">
        <BoardFilterBar
          options={options}
          filters={filters}
          onChange={changeFilters}
          busy={filtering}
        />
        <div className="flex flex-wrap items-center gap-3">
          <a
            href={`/teams/${encodeURIComponent(slug)}/board/actions.csv${boardSearch(filters)}`}
            download
            className={buttonClass("secondary")}
          >
            {filtered
              ? t.rich("downloadCsvFiltered", {
                  sr: (chunks) => <span className="sr-only">{chunks}</span>,
                })
              : t("downloadCsv")}
          </a>
        </div>
      </div>

      {problem && (
        <Alert tone="error">
          {problem}{" "}
          <button
            type="button"
            className="font-semibold underline"
            onClick={() => setProblem(null)}
          >
            {t("dismiss")}
          </button>
        </Alert>
      )}
      <p aria-live="polite" className="sr-only">
        {announcement}
      </p>
      <p id={moveHintId} className="sr-only">
        {t("moveHint")}
      </p>

      {board.actions.length === 0 && !filtered ? (
        <NoActionsYet slug={slug} canManage={canManage} />
      ) : (
        <>
          {board.actions.length === 0 && (
            <Alert tone="info">
              {t("noMatch")}{" "}
              <button
                type="button"
                className="font-semibold underline"
                onClick={() => changeFilters(noFilters)}
              >
                {t("showAll")}
              </button>
            </Alert>
          )}
          <div
            className={`grid items-start gap-4 md:grid-cols-2 lg:grid-cols-4 ${filtering ? "opacity-60" : ""}`}
            aria-busy={filtering || undefined}
          >
            {columns.map((column, index) => {
              const cards = board.actions.filter((a) => a.status === column.status);
              const dragged = draggingId
                ? board.actions.find((a) => a.id === draggingId)
                : undefined;
              return (
                <BoardColumn
                  key={column.status}
                  status={column.status}
                  label={statusLabel(column.status)}
                  empty={t(`empty.${column.status}`)}
                  count={cards.length}
                  accepts={dragged !== undefined && dragged.status !== column.status}
                  onDropCard={(id) => {
                    const card = board.actions.find((a) => a.id === id);
                    if (card) moveCard(card, column.status, true);
                  }}
                >
                  {cards.map((card) => (
                    <ActionCard
                      key={card.id}
                      card={card}
                      overdue={isOverdue(card, board.today)}
                      canEdit={mayEdit(card)}
                      previous={columns[index - 1]?.status}
                      next={columns[index + 1]?.status}
                      focusRequested={
                        focusTarget?.id === card.id && focusTarget.status === card.status
                      }
                      onFocused={() =>
                        setFocusTarget((target) => (target?.id === card.id ? null : target))
                      }
                      onMove={(status) => moveCard(card, status, true)}
                      onOpen={() => setOpenCard(card.id)}
                      onDragStart={() => setDraggingId(card.id)}
                      onDragEnd={() => setDraggingId(null)}
                    />
                  ))}
                </BoardColumn>
              );
            })}
          </div>
        </>
      )}

      {opened && (
        <ActionDialog
          card={opened}
          options={options}
          canEdit={mayEdit(opened)}
          onSaved={(title) => setAnnouncement(t("saved", { title }))}
          onClose={() => setOpenCard(null)}
        />
      )}
    </div>
  );
}

function NoActionsYet({ slug, canManage }: { slug: string; canManage: boolean }) {
  const t = useTranslations("teams.board");
  return (
    <section className="rounded-2xl border border-dashed border-line bg-surface p-6 sm:p-8">
      <h2 className="mb-2 text-lg font-semibold">{t("noActionsTitle")}</h2>
      <p className="max-w-prose text-muted">{t("noActionsText")}</p>
      <a href={`/teams/${encodeURIComponent(slug)}`} className={`${buttonClass("secondary")} mt-4`}>
        {canManage ? t("startFromTeamPage") : t("backToTeamPage")}
      </a>
    </section>
  );
}
