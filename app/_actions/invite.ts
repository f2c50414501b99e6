"use server";

import { TRPCError } from "@trpc/server";
import { AuthError } from "next-auth";
import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { getTranslations } from "next-intl/server";

import { newAccountInput } from "~/server/accounts/inputs";
import { signIn } from "~/server/auth";
import { getDatabase } from "~/server/db";
import { clientKeyFromHeaders } from "~/server/http/client-key";
import {
  countInviteAttempt,
  EmailTakenError,
  InviteUnusableError,
  signUpWithInvite,
  TooManyInviteAttemptsError,
} from "~/server/teams/invites";

import { serverCaller } from "../_trpc/server";
import { formText as text } from "../_components/form-data";
import { accountFieldErrors } from "./account-errors";

export interface InviteFormState {
  error?: string;
  /** The email already has an account: the form offers signing in instead. */
  emailTaken?: boolean;
  fieldErrors?: Record<string, string[] | undefined>;
  values?: Record<string, string>;
}

/** Why an invite can't be used, as the person holding the link reads it. */
const inviteUnusableKeys = {
  unknown: "inviteUnknown",
  expired: "inviteExpired",
  revoked: "inviteRevoked",
  used: "inviteUsed",
  "account-only": "inviteAccountOnly",
  "no-longer-valid": "inviteNoLongerValid",
} as const satisfies Record<InviteUnusableError["state"], string>;

const invitePage = (token: string) => `/invite/${encodeURIComponent(token)}`;

/** A signed-in person accepts the invite and lands on the team's page. */
export async function acceptInviteAction(
  _: InviteFormState,
  formData: FormData,
): Promise<InviteFormState> {
  const token = text(formData, "token");
  let teamSlug: string;
  let alreadyMember: boolean;
  try {
    const result = await (await serverCaller()).team.acceptInvite({ token });
    teamSlug = result.teamSlug;
    alreadyMember = result.outcome === "already-member";
  } catch (error) {
    if (!(error instanceof TRPCError)) throw error;
    if (error.code === "UNAUTHORIZED") {
      redirect(`/sign-in?next=${encodeURIComponent(invitePage(token))}`);
    }
    // Input errors carry zod's raw text server-side; the only input here is the link itself.
    // Other refusals (used up, withdrawn, too many tries) carry the server's own sentence.
    const unknownLink = error.code === "BAD_REQUEST" || error.code === "NOT_FOUND";
    return {
      error: unknownLink ? (await getTranslations("home.errors"))("inviteUnknown") : error.message,
    };
  }
  redirect(`/teams/${teamSlug}?joined=${alreadyMember ? "already" : "1"}`);
}

/**
 * A visitor creates an account through the invite: the account and the membership are made
 * together, then they are signed in and land on the team's page (or their home page, for an
 * admin's account invite, which has no team).
 */
export async function signUpAndJoinAction(
  _: InviteFormState,
  formData: FormData,
): Promise<InviteFormState> {
  const token = text(formData, "token");
  const values = { name: text(formData, "name"), email: text(formData, "email") };
  const parsed = newAccountInput.safeParse({ ...values, password: text(formData, "password") });
  if (!parsed.success) {
    return { values, fieldErrors: await accountFieldErrors(parsed.error) };
  }

  const t = await getTranslations("home.errors");
  const db = getDatabase().db;
  let teamSlug: string | null;
  try {
    await countInviteAttempt(db, clientKeyFromHeaders(await headers()));
    ({ teamSlug } = await signUpWithInvite(db, { ...parsed.data, token }));
  } catch (error) {
    if (error instanceof EmailTakenError) {
      return { values, emailTaken: true, error: t("inviteEmailTaken") };
    }
    if (error instanceof InviteUnusableError) {
      return { values, error: t(inviteUnusableKeys[error.state]) };
    }
    if (error instanceof TooManyInviteAttemptsError) {
      const minutes = Math.ceil(error.retryAfterSeconds / 60);
      return { values, error: t("tooManyInviteAttempts", { minutes }) };
    }
    throw error;
  }

  try {
    await signIn("credentials", {
      email: parsed.data.email,
      password: parsed.data.password,
      redirectTo: teamSlug ? `/teams/${teamSlug}?joined=1` : "/home",
    });
  } catch (error) {
    if (error instanceof AuthError) {
      return { values, error: t("signInAfterSignUpFailed") };
    }
    throw error; // Next's redirect after a successful sign-in travels as an exception.
  }
  return {};
}
