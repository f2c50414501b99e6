"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { useState, type FormEvent } from "react";

import { useTRPC } from "../../../_trpc/client";
import { formText } from "../../../_components/form-data";
import { Alert, buttonClass, Field } from "../../../_components/ui";
import { fieldError } from "../../../teams/_components/field-error";
import { RoleSelect, type UserRole } from "./role-select";

export function CreateAccountForm() {
  const t = useTranslations("admin.users.create");
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [created, setCreated] = useState<{ name: string; email: string } | null>(null);
  const create = useMutation(
    trpc.adminUsers.create.mutationOptions({
      onMutate: () => setCreated(null),
      onSuccess: async (user) => {
        setCreated(user);
        await Promise.all([
          queryClient.invalidateQueries(trpc.adminUsers.pathFilter()),
          queryClient.invalidateQueries(trpc.adminAudit.pathFilter()),
        ]);
      },
    }),
  );
  const error = (field: string) => fieldError(create.error, field);
  const anyFieldError = ["name", "email", "role", "password"].some((field) => error(field));

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = event.currentTarget;
    const data = new FormData(form);
    create.mutate(
      {
        name: formText(data, "name"),
        email: formText(data, "email"),
        role: formText(data, "role") as UserRole,
        password: formText(data, "password"),
      },
      { onSuccess: () => form.reset() },
    );
  }

  return (
    <form onSubmit={submit} className="flex flex-col gap-4" noValidate>
      {create.error && !anyFieldError && <Alert tone="error">{create.error.message}</Alert>}
      {created && (
        <Alert tone="success">{t("created", { name: created.name, email: created.email })}</Alert>
      )}
      <Field
        label={t("name")}
        name="name"
        id="new-account-name"
        autoComplete="off"
        required
        maxLength={80}
        error={error("name")}
      />
      <Field
        label={t("email")}
        name="email"
        id="new-account-email"
        type="email"
        autoComplete="off"
        required
        maxLength={254}
        error={error("email")}
      />
      <RoleSelect id="new-account-role" label={t("role")} defaultValue="member" />
      <Field
        label={t("password")}
        name="password"
        id="new-account-password"
        type="password"
        autoComplete="new-password"
        required
        minLength={10}
        maxLength={200}
        hint={t("passwordHint")}
        error={error("password")}
      />
      <button type="submit" className={buttonClass()} disabled={create.isPending}>
        {create.isPending ? t("creating") : t("submit")}
      </button>
    </form>
  );
}
