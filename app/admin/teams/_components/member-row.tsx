"use client";

import { useMutation } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { useState, type FormEvent } from "react";

import { useTRPC } from "../../../_trpc/client";
import { ConfirmAction } from "../../../_components/confirm-action";
import { formText } from "../../../_components/form-data";
import { teamRoleLabel, type TeamRole } from "../../../_components/role-labels";
import { Alert, buttonClass, inputClass } from "../../../_components/ui";
import { destructiveButtonClass, rowButton } from "../../_components/destructive";
import { useRefreshAfterTeamChange } from "./use-team-change";

interface Member {
  userId: string;
  name: string;
  email: string;
  role: TeamRole;
  userRole: "admin" | "facilitator" | "member";
  deactivatedAt: Date | null;
}

/** One person in a team, with moving, team role and removal. */
export function MemberRow({
  team,
  member,
  otherTeams,
  announce,
}: {
  team: { id: string; name: string };
  member: Member;
  otherTeams: { id: string; name: string }[];
  /** Says what happened above the list, for changes after which this row is gone. */
  announce: (message: string) => void;
}) {
  const t = useTranslations("admin.teams.member");
  const common = useTranslations("common");
  const trpc = useTRPC();
  const refresh = useRefreshAfterTeamChange();
  const [done, setDone] = useState("");
  const after = (message: string) => ({
    onMutate: () => setDone(""),
    onSuccess: async () => {
      setDone(message);
      await refresh();
    },
  });
  const move = useMutation(
    trpc.adminTeams.moveMember.mutationOptions({
      onMutate: () => announce(""),
      onSuccess: async (_, input) => {
        const to = otherTeams.find((other) => other.id === input.toTeamId)?.name ?? t("theTeam");
        announce(t("moved", { name: member.name, from: team.name, to }));
        await refresh();
      },
    }),
  );
  const nextRole = member.role === "facilitator" ? "member" : "facilitator";
  const changeRole = useMutation(
    trpc.adminTeams.changeMemberRole.mutationOptions(
      after(t(nextRole === "facilitator" ? "nowFacilitator" : "nowMember", { name: member.name })),
    ),
  );
  const remove = useMutation(
    trpc.adminTeams.removeMember.mutationOptions({
      onMutate: () => announce(""),
      onSuccess: async () => {
        announce(t("removed", { name: member.name, team: team.name }));
        await refresh();
      },
    }),
  );
  const mutations = [move, changeRole, remove];
  const error = mutations.find((m) => m.error)?.error;
  const busy = mutations.some((m) => m.isPending);
  const resetAll = () => mutations.forEach((m) => m.reset());
  const nameId = `member-${team.id}-${member.userId}`;
  const moveId = `move-${team.id}-${member.userId}`;

  function submitMove(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const toTeamId = formText(new FormData(event.currentTarget), "toTeamId");
    if (!toTeamId) return;
    resetAll();
    move.mutate({ userId: member.userId, fromTeamId: team.id, toTeamId });
  }

  return (
    // A grid: who (with their badges) beside the controls where the list is wide, above them
    // where it is narrow; the controls wrap in pairs on a phone rather than one by one.
    <li
      aria-labelledby={nameId}
      className="grid gap-3 py-3 first:pt-0 @2xl:grid-cols-[minmax(0,1fr)_auto] @2xl:items-center"
    >
      <div className="flex min-w-0 flex-wrap items-start justify-between gap-2">
        <div className="flex min-w-0 flex-1 basis-48 flex-col">
          <span id={nameId} className="font-medium break-words">
            {member.name}
          </span>
          <span className="text-sm break-all text-muted">{member.email}</span>
          {member.role === "facilitator" && member.userRole === "member" && (
            <span className="mt-1 text-sm text-muted">{t("memberAccount")}</span>
          )}
        </div>
        <div className="flex flex-wrap gap-2">
          <span
            className={
              member.role === "facilitator"
                ? "rounded-full bg-raised px-2.5 py-0.5 text-sm font-medium"
                : "rounded-full border border-line px-2.5 py-0.5 text-sm text-muted"
            }
          >
            {teamRoleLabel(common, member.role)}
          </span>
          {member.deactivatedAt && (
            <span className="rounded-full border border-danger px-2.5 py-0.5 text-sm font-medium text-danger">
              {t("deactivated")}
            </span>
          )}
        </div>
      </div>
      <div className="flex flex-wrap items-end gap-2">
        {otherTeams.length > 0 && (
          <form onSubmit={submitMove} className="contents">
            <div className="flex min-w-0 basis-full flex-col gap-1 @md:basis-auto">
              <label htmlFor={moveId} className="text-sm font-medium">
                {t("moveTo", { name: member.name })}
              </label>
              <select id={moveId} name="toTeamId" className={`${inputClass} @md:w-44`}>
                {otherTeams.map((other) => (
                  <option key={other.id} value={other.id}>
                    {other.name}
                  </option>
                ))}
              </select>
            </div>
            <button
              type="submit"
              className={`${buttonClass("secondary")} ${rowButton}`}
              disabled={busy}
            >
              {move.isPending ? t("moving") : t("move")}
              <span className="sr-only"> {member.name}</span>
            </button>
          </form>
        )}
        <button
          type="button"
          // One width for "Make facilitator" and "Make member", so Remove lines up in every row.
          className={`${buttonClass("secondary")} ${rowButton} @md:min-w-44`}
          disabled={busy}
          onClick={() => {
            resetAll();
            changeRole.mutate({ teamId: team.id, userId: member.userId, role: nextRole });
          }}
        >
          {changeRole.isPending
            ? t("changing")
            : nextRole === "facilitator"
              ? t("makeFacilitator")
              : t("makeMember")}
          <span className="sr-only"> {t("roleOf", { team: team.name, name: member.name })}</span>
        </button>
        <ConfirmAction
          label={remove.isPending ? t("removing") : t("remove")}
          triggerAriaLabel={t("removeNamed", { name: member.name, team: team.name })}
          question={t("removeQuestion", { name: member.name, team: team.name })}
          confirmLabel={t("removeConfirm")}
          triggerClassName={`${destructiveButtonClass} ${rowButton}`}
          pending={busy}
          onConfirm={() => {
            resetAll();
            remove.mutate({ teamId: team.id, userId: member.userId });
          }}
        />
      </div>
      {error && (
        <div className="@2xl:col-span-full">
          <Alert tone="error">{error.message}</Alert>
        </div>
      )}
      <p role="status" className="text-sm text-ok empty:hidden @2xl:col-span-full">
        {!error && done}
      </p>
    </li>
  );
}
