"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import type { FormEvent } from "react";

import { useTRPC } from "../../_trpc/client";
import { Alert, buttonClass, Field } from "../../_components/ui";
import { fieldError } from "./field-error";

export function CreateTeamForm() {
  const t = useTranslations("teams.createForm");
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const router = useRouter();
  const create = useMutation(
    trpc.team.create.mutationOptions({
      onSuccess: async (team) => {
        await queryClient.invalidateQueries(trpc.team.list.pathFilter());
        router.push(`/teams/${team.slug}`);
      },
    }),
  );
  const nameError = fieldError(create.error, "name");

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const name = new FormData(event.currentTarget).get("name");
    create.mutate({ name: typeof name === "string" ? name : "" });
  }

  // Still pending while the team page loads, so the button can't create a second team.
  const busy = create.isPending || create.isSuccess;
  return (
    <form onSubmit={submit} className="flex flex-col gap-4" noValidate>
      {create.error && !nameError && <Alert tone="error">{create.error.message}</Alert>}
      <Field
        label={t("nameLabel")}
        name="name"
        required
        maxLength={80}
        autoComplete="off"
        hint={t("nameHint")}
        error={nameError}
      />
      <button type="submit" className={buttonClass()} disabled={busy}>
        {busy ? t("creating") : t("create")}
      </button>
    </form>
  );
}
