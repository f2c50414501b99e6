"use client";

import { useMutation } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { useState, type FormEvent } from "react";

import { useTRPC } from "../../../_trpc/client";
import { formText } from "../../../_components/form-data";
import { teamRoleLabel } from "../../../_components/role-labels";
import { Alert, buttonClass, inputClass } from "../../../_components/ui";
import { fieldError } from "../../../teams/_components/field-error";
import { useRefreshAfterTeamChange } from "./use-team-change";

/** Adds an existing account to the team by its email. */
export function AddMemberForm({ teamId, teamName }: { teamId: string; teamName: string }) {
  const t = useTranslations("admin.teams.add");
  const common = useTranslations("common");
  const trpc = useTRPC();
  const refresh = useRefreshAfterTeamChange();
  const [added, setAdded] = useState("");
  const add = useMutation(
    trpc.adminTeams.addMember.mutationOptions({
      onMutate: () => setAdded(""),
      onSuccess: async (_, input) => {
        setAdded(t("added", { email: input.email, team: teamName }));
        await refresh();
      },
    }),
  );
  const emailError = fieldError(add.error, "email");
  const emailId = `add-email-${teamId}`;

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = event.currentTarget;
    const data = new FormData(form);
    add.mutate(
      {
        teamId,
        email: formText(data, "email"),
        role: formText(data, "role") === "facilitator" ? "facilitator" : "member",
      },
      { onSuccess: () => form.reset() },
    );
  }

  return (
    <form
      onSubmit={submit}
      noValidate
      aria-label={t("formLabel", { team: teamName })}
      className="flex flex-col gap-2 border-t border-line pt-4"
    >
      <div className="flex flex-wrap items-end gap-2">
        <div className="flex min-w-0 flex-1 basis-56 flex-col gap-1">
          <label htmlFor={emailId} className="text-sm font-medium">
            {t("emailLabel", { team: teamName })}
          </label>
          <input
            id={emailId}
            name="email"
            type="email"
            autoComplete="off"
            maxLength={254}
            required
            aria-invalid={emailError ? true : undefined}
            aria-describedby={emailError ? `${emailId}-error` : undefined}
            className={inputClass}
          />
        </div>
        <div className="flex flex-col gap-1">
          <label htmlFor={`add-role-${teamId}`} className="text-sm font-medium">
            {t("as")}
          </label>
          <select
            id={`add-role-${teamId}`}
            name="role"
            defaultValue="member"
            className={`${inputClass} w-auto`}
          >
            <option value="member">{teamRoleLabel(common, "member")}</option>
            <option value="facilitator">{teamRoleLabel(common, "facilitator")}</option>
          </select>
        </div>
        <button type="submit" className={buttonClass("secondary")} disabled={add.isPending}>
          {add.isPending ? t("adding") : t("submit")}
        </button>
      </div>
      {emailError && (
        <p id={`${emailId}-error`} className="text-sm font-medium text-danger">
          {emailError}
        </p>
      )}
      {add.error && !emailError && <Alert tone="error">{add.error.message}</Alert>}
      <p role="status" className="text-sm text-ok empty:hidden">
        {!add.error && added}
      </p>
    </form>
  );
}
