"use client";

import { useMutation, useQueryClient, useSuspenseQuery } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { useState, type FormEvent } from "react";

import { useTRPC } from "../../../_trpc/client";
import { OneTimeLink } from "../../../_components/one-time-link";
import { LocalDate } from "../../../_components/local-date";
import { Alert, buttonClass, inputClass } from "../../../_components/ui";
import { teamRoleLabel, type TeamRole } from "../../../_components/role-labels";

const roleChoices = [
  { value: "member", hint: "memberHint" },
  { value: "facilitator", hint: "facilitatorHint" },
] as const;
const durations = [1, 3, 7, 14, 30] as const;

interface CreatedInvite {
  id: string;
  link: string;
  teamRole: TeamRole;
  expiresAt: Date;
}

export function InvitePanel({
  teamId,
  teamName,
  publicUrl,
}: {
  teamId: string;
  teamName: string;
  publicUrl: string;
}) {
  const t = useTranslations("teams.invites");
  const common = useTranslations("common");
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [created, setCreated] = useState<CreatedInvite | null>(null);
  const refreshInvites = () => queryClient.invalidateQueries(trpc.team.listInvites.pathFilter());

  const createInvite = useMutation(
    trpc.team.createInvite.mutationOptions({
      onSuccess: async (invite) => {
        // PUBLIC_URL may end in a slash; the path always starts with one.
        setCreated({ ...invite, link: `${publicUrl.replace(/\/+$/, "")}${invite.path}` });
        await refreshInvites();
      },
    }),
  );
  const revokeInvite = useMutation(
    trpc.team.revokeInvite.mutationOptions({
      onSuccess: async ({ id }) => {
        if (created?.id === id) setCreated(null);
        await refreshInvites();
      },
    }),
  );

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    createInvite.mutate({
      teamId,
      teamRole: form.get("teamRole") === "facilitator" ? "facilitator" : "member",
      expiresInDays: Number(form.get("expiresInDays")),
    });
  }

  return (
    <div className="flex flex-col gap-6">
      <form onSubmit={submit} className="flex flex-col gap-4">
        <fieldset className="flex flex-col gap-2">
          <legend className="mb-1.5 font-medium">{t("inviteAs")}</legend>
          {roleChoices.map((choice) => (
            <label
              key={choice.value}
              className="flex cursor-pointer gap-3 rounded-lg border border-line p-3 has-checked:border-accent has-checked:bg-raised"
            >
              <input
                type="radio"
                name="teamRole"
                value={choice.value}
                defaultChecked={choice.value === "member"}
                className="mt-1 size-4 shrink-0 accent-accent"
                aria-describedby={`invite-role-${choice.value}-hint`}
              />
              <span className="flex flex-col">
                <span className="font-medium">{teamRoleLabel(common, choice.value)}</span>
                <span id={`invite-role-${choice.value}-hint`} className="text-sm text-muted">
                  {t(choice.hint)}
                </span>
              </span>
            </label>
          ))}
        </fieldset>
        <div className="flex flex-col gap-1.5">
          <label htmlFor="invite-expires" className="font-medium">
            {t("linkWorksFor")}
          </label>
          <select id="invite-expires" name="expiresInDays" defaultValue="7" className={inputClass}>
            {durations.map((days) => (
              <option key={days} value={days}>
                {t("days", { count: days })}
              </option>
            ))}
          </select>
        </div>
        {createInvite.error && <Alert tone="error">{createInvite.error.message}</Alert>}
        <button type="submit" className={buttonClass()} disabled={createInvite.isPending}>
          {createInvite.isPending ? t("creating") : t("create")}
        </button>
      </form>

      {created && <NewInviteLink key={created.id} invite={created} teamName={teamName} />}

      <section aria-labelledby="open-invites-heading" className="flex flex-col gap-3">
        <h3 id="open-invites-heading" className="font-semibold">
          {t("openInvites")}
        </h3>
        {/* Links are shown once, when they are made: the list can't offer to copy them again. */}
        <p className="-mt-2 text-sm text-muted">{t("shownOnce")}</p>
        {revokeInvite.error && <Alert tone="error">{revokeInvite.error.message}</Alert>}
        <OpenInvites
          teamId={teamId}
          revokingId={revokeInvite.isPending ? revokeInvite.variables.inviteId : null}
          onRevoke={(inviteId) => revokeInvite.mutate({ teamId, inviteId })}
        />
      </section>
    </div>
  );
}

function NewInviteLink({ invite, teamName }: { invite: CreatedInvite; teamName: string }) {
  const t = useTranslations("teams.invites");
  return (
    <OneTimeLink
      id="invite-link"
      label={t("linkLabel")}
      created={t("linkCreated")}
      link={invite.link}
    >
      {t.rich("joinsAs", {
        team: teamName,
        role: invite.teamRole,
        date: () => <LocalDate date={invite.expiresAt} withTime />,
      })}
    </OneTimeLink>
  );
}

function OpenInvites({
  teamId,
  revokingId,
  onRevoke,
}: {
  teamId: string;
  revokingId: string | null;
  onRevoke: (inviteId: string) => void;
}) {
  const t = useTranslations("teams.invites");
  const trpc = useTRPC();
  const { data: invites } = useSuspenseQuery(trpc.team.listInvites.queryOptions({ teamId }));
  if (invites.length === 0) {
    return <p className="text-sm text-muted">{t("empty")}</p>;
  }
  return (
    <ul className="flex flex-col gap-2">
      {invites.map((invite) => {
        const label = t("inviteTitle", { role: invite.teamRole });
        return (
          <li
            key={invite.id}
            className="flex flex-wrap items-center justify-between gap-3 rounded-lg border border-line p-3"
          >
            <div className="flex min-w-0 flex-1 basis-56 flex-col text-sm">
              <span id={`invite-${invite.id}-title`} className="font-medium">
                {label}
              </span>
              <span id={`invite-${invite.id}-details`} className="text-muted">
                {/* Each part keeps its "·" with it, so a wrap never strands a separator. */}
                {t("by", { name: invite.createdByName ?? t("formerMember") })}{" "}
                <span className="whitespace-nowrap">
                  ·{" "}
                  {t.rich("expires", {
                    date: () => <LocalDate date={invite.expiresAt} />,
                  })}
                </span>{" "}
                <span className="whitespace-nowrap">
                  · {t("joined", { count: invite.acceptedCount })}
                </span>
              </span>
            </div>
            <button
              type="button"
              id={`revoke-${invite.id}`}
              onClick={() => onRevoke(invite.id)}
              disabled={revokingId === invite.id}
              aria-labelledby={`revoke-${invite.id} invite-${invite.id}-title`}
              aria-describedby={`invite-${invite.id}-details`}
              className={`${buttonClass("secondary")} text-danger`}
            >
              {revokingId === invite.id ? t("revoking") : t("revoke")}
            </button>
          </li>
        );
      })}
    </ul>
  );
}
