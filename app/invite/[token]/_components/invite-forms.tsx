"use client";

import { useTranslations } from "next-intl";
import Link from "next/link";
import { useActionState } from "react";

import {
  acceptInviteAction,
  signUpAndJoinAction,
  type InviteFormState,
} from "../../../_actions/invite";
import { NewAccountFields } from "../../../_components/account-forms";
import { Alert, buttonClass } from "../../../_components/ui";

const initial: InviteFormState = {};

export function JoinTeamForm({ token, teamName }: { token: string; teamName: string }) {
  const t = useTranslations("home.invite");
  const [state, action, pending] = useActionState(acceptInviteAction, initial);
  return (
    <form action={action} className="flex flex-col gap-4">
      {state.error && <Alert tone="error">{state.error}</Alert>}
      <input type="hidden" name="token" value={token} />
      <button type="submit" className={buttonClass()} disabled={pending}>
        {pending ? t("joining") : t("joinTeam", { team: teamName })}
      </button>
    </form>
  );
}

export function SignUpAndJoinForm({
  token,
  signInHref,
  submitLabel = "createAccountAndJoin",
}: {
  token: string;
  signInHref: string;
  /** An account invite joins no team: its button only creates the account. */
  submitLabel?: "createAccountAndJoin" | "createAccount";
}) {
  const t = useTranslations("home.invite");
  const [state, action, pending] = useActionState(signUpAndJoinAction, initial);
  const fieldError = (name: string) => state.fieldErrors?.[name]?.[0];
  return (
    <form action={action} className="flex flex-col gap-4" noValidate>
      {state.error && (
        <Alert tone="error">
          {state.error}
          {state.emailTaken && (
            <>
              {" "}
              <Link href={signInHref} className="font-semibold underline">
                {t("signInToJoin")}
              </Link>
            </>
          )}
        </Alert>
      )}
      <input type="hidden" name="token" value={token} />
      <NewAccountFields values={state.values} fieldError={fieldError} />
      <button type="submit" className={buttonClass()} disabled={pending}>
        {pending ? t("creatingAccount") : t(submitLabel)}
      </button>
    </form>
  );
}
