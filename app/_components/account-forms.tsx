"use client";

import { useActionState } from "react";

import { setupAction, signInAction, type FormState } from "../_actions/account";
import { Alert, buttonClass, Field } from "./ui";

const initial: FormState = {};

export function SignInForm({ next }: { next: string }) {
  const [state, action, pending] = useActionState(signInAction, initial);
  return (
    <form action={action} className="flex flex-col gap-4" noValidate>
      {state.error && <Alert tone="error">{state.error}</Alert>}
      <input type="hidden" name="next" value={next} />
      <Field
        label="Email"
        name="email"
        type="email"
        autoComplete="username"
        required
        defaultValue={state.values?.email}
      />
      <Field
        label="Password"
        name="password"
        type="password"
        autoComplete="current-password"
        required
      />
      <button type="submit" className={buttonClass()} disabled={pending}>
        {pending ? "Signing in…" : "Sign in"}
      </button>
    </form>
  );
}

export function SetupForm() {
  const [state, action, pending] = useActionState(setupAction, initial);
  const fieldError = (name: string) => state.fieldErrors?.[name]?.[0];
  return (
    <form action={action} className="flex flex-col gap-4" noValidate>
      {state.error && <Alert tone="error">{state.error}</Alert>}
      <NewAccountFields values={state.values} fieldError={fieldError} />
      <Field
        label="Repeat the password"
        name="confirm"
        type="password"
        autoComplete="new-password"
        required
        error={fieldError("confirm")}
      />
      <button type="submit" className={buttonClass()} disabled={pending}>
        {pending ? "Creating the admin account…" : "Create the admin account"}
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
  return (
    <>
      <Field
        label="Your name"
        name="name"
        autoComplete="name"
        required
        maxLength={80}
        defaultValue={values?.name}
        error={fieldError("name")}
      />
      <Field
        label="Email"
        name="email"
        type="email"
        autoComplete="username"
        required
        defaultValue={values?.email}
        error={fieldError("email")}
      />
      <Field
        label="Password"
        name="password"
        type="password"
        autoComplete="new-password"
        required
        minLength={10}
        hint="At least 10 characters."
        error={fieldError("password")}
      />
    </>
  );
}
