"use client";

import { useTranslations } from "next-intl";
import { useActionState } from "react";

import { setupAction, signInAction, type FormState } from "../_actions/account";
import { Alert, buttonClass, Field } from "./ui";

const initial: FormState = {};

export function SignInForm({ next }: { next: string }) {
  const t = useTranslations("common");
  const [state, action, pending] = useActionState(signInAction, initial);
  return (
    <form action={action} className="flex flex-col gap-4" noValidate>
      {state.error && <Alert tone="error">{state.error}</Alert>}
      <input type="hidden" name="next" value={next} />
      <Field
        label={t("accountForms.email")}
        name="email"
        type="email"
        autoComplete="username"
        required
        defaultValue={state.values?.email}
      />
      <Field
        label={t("accountForms.password")}
        name="password"
        type="password"
        autoComplete="current-password"
        required
      />
      <button type="submit" className={buttonClass()} disabled={pending}>
        {pending ? t("accountForms.signingIn") : t("signIn")}
      </button>
    </form>
  );
}

export function SetupForm() {
  const t = useTranslations("common");
  const [state, action, pending] = useActionState(setupAction, initial);
  const fieldError = (name: string) => state.fieldErrors?.[name]?.[0];
  return (
    <form action={action} className="flex flex-col gap-4" noValidate>
      {state.error && <Alert tone="error">{state.error}</Alert>}
      <NewAccountFields values={state.values} fieldError={fieldError} />
      <Field
        label={t("accountForms.repeatPassword")}
        name="confirm"
        type="password"
        autoComplete="new-password"
        required
        error={fieldError("confirm")}
      />
      <button type="submit" className={buttonClass()} disabled={pending}>
        {pending ? t("accountForms.creatingAdmin") : t("accountForms.createAdmin")}
      </button>
    </form>
  );
}

/** Name, email and password of a new account: the setup form and the invite sign-up share them. */
export function NewAccountFields({
  values,
  fieldError,
}: {
  values?: Record<string, string>;
  fieldError: (name: string) => string | undefined;
}) {
  const t = useTranslations("common");
  return (
    <>
      <Field
        label={t("accountForms.yourName")}
        name="name"
        autoComplete="name"
        required
        maxLength={80}
        defaultValue={values?.name}
        error={fieldError("name")}
      />
      <Field
        label={t("accountForms.email")}
        name="email"
        type="email"
        autoComplete="username"
        required
        defaultValue={values?.email}
        error={fieldError("email")}
      />
      <Field
        label={t("accountForms.password")}
        name="password"
        type="password"
        autoComplete="new-password"
        required
        minLength={10}
        hint={t("accountForms.passwordHint")}
        error={fieldError("password")}
      />
    </>
  );
}
