"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { useState, type FormEvent } from "react";

import { useTRPC } from "../../../_trpc/client";
import { formText } from "../../../_components/form-data";
import { OneTimeLink } from "../../../_components/one-time-link";
import { LocalDate } from "../../../_components/local-date";
import { Alert, buttonClass, inputClass } from "../../../_components/ui";
import { RoleSelect, type UserRole } from "./role-select";

const durations = [1, 3, 7, 14, 30] as const;

interface CreatedLink {
  id: string;
  link: string;
  role: UserRole;
  expiresAt: Date;
}

export function AccountInviteForm({ publicUrl }: { publicUrl: string }) {
  const t = useTranslations("admin.users.invite");
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [created, setCreated] = useState<CreatedLink | null>(null);
  const createInvite = useMutation(
    trpc.adminUsers.createInvite.mutationOptions({
      onSuccess: async (invite) => {
        setCreated({
          id: invite.id,
          role: invite.userRole,
          expiresAt: invite.expiresAt,
          // PUBLIC_URL may end in a slash; the path always starts with one.
          link: `${publicUrl.replace(/\/+$/, "")}${invite.path}`,
        });
        await Promise.all([
          queryClient.invalidateQueries(trpc.adminUsers.listInvites.queryFilter()),
          queryClient.invalidateQueries(trpc.adminAudit.pathFilter()),
        ]);
      },
    }),
  );

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const data = new FormData(event.currentTarget);
    createInvite.mutate({
      role: formText(data, "role") as UserRole,
      expiresInDays: Number(formText(data, "expiresInDays")),
    });
  }

  return (
    <div className="flex flex-col gap-4">
      <form onSubmit={submit} className="flex flex-col gap-4">
        <RoleSelect id="signup-link-role" label={t("role")} defaultValue="member" />
        <div className="flex flex-col gap-1.5">
          <label htmlFor="signup-link-expires" className="font-medium">
            {t("worksFor")}
          </label>
          <select
            id="signup-link-expires"
            name="expiresInDays"
            defaultValue="7"
            className={inputClass}
          >
            {durations.map((days) => (
              <option key={days} value={days}>
                {t("days", { days })}
              </option>
            ))}
          </select>
        </div>
        {createInvite.error && <Alert tone="error">{createInvite.error.message}</Alert>}
        <button type="submit" className={buttonClass()} disabled={createInvite.isPending}>
          {createInvite.isPending ? t("creating") : t("submit")}
        </button>
      </form>
      {created && <NewSignUpLink key={created.id} invite={created} />}
    </div>
  );
}

function NewSignUpLink({ invite }: { invite: CreatedLink }) {
  const t = useTranslations("admin.users.invite");
  return (
    <OneTimeLink id="signup-link" label={t("linkLabel")} created={t("created")} link={invite.link}>
      {t.rich("makes", {
        role: invite.role,
        date: () => <LocalDate date={invite.expiresAt} withTime />,
      })}
    </OneTimeLink>
  );
}
