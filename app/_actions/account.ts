"use server";

import { AuthError } from "next-auth";
import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { getLocale, getTranslations } from "next-intl/server";

import {
  createFirstAdmin,
  SetupAlreadyDoneError,
  SetupEmailTakenError,
} from "~/server/accounts/setup";
import { newAccountInput } from "~/server/accounts/inputs";
import { signInPause } from "~/server/accounts/sign-in";
import { signIn, signOut } from "~/server/auth";
import { getDatabase } from "~/server/db";
import { clientKeyFromHeaders } from "~/server/http/client-key";
import { localizedErrorMessage } from "~/server/i18n/localized-error";

import { formText as text } from "../_components/form-data";
import { accountFieldErrors, tooManyTriesText } from "./account-errors";

export interface FormState {
  error?: string;
  fieldErrors?: Record<string, string[] | undefined>;
  values?: Record<string, string>;
}

/** Only same-site paths may follow a sign-in, so a link can't bounce people elsewhere. */
function safeNext(value: string) {
  return value.startsWith("/") && !value.startsWith("//") && !value.startsWith("/\\")
    ? value
    : "/home";
}

export async function signInAction(_: FormState, formData: FormData): Promise<FormState> {
  const email = text(formData, "email");
  try {
    await signIn("credentials", {
      email,
      password: text(formData, "password"),
      redirectTo: safeNext(text(formData, "next")),
    });
  } catch (error) {
    if (error instanceof AuthError) {
      const code = "code" in error ? error.code : undefined;
      if (code !== "rate_limited") {
        const t = await getTranslations("home.errors");
        return { values: { email }, error: t("signInMismatch") };
      }
      // A form post can't answer 429; the wait is read back from the counters instead.
      const pause = await signInPause(getDatabase().db, {
        email,
        clientKey: clientKeyFromHeaders(await headers()),
      });
      return {
        values: { email },
        error: await tooManyTriesText(Math.max(1, pause.retryAfterSeconds)),
      };
    }
    throw error; // Next's redirect after a successful sign-in travels as an exception.
  }
  return {};
}

export async function signOutAction() {
  await signOut({ redirectTo: "/" });
}

export async function setupAction(_: FormState, formData: FormData): Promise<FormState> {
  const values = { name: text(formData, "name"), email: text(formData, "email") };
  const parsed = newAccountInput.safeParse({ ...values, password: text(formData, "password") });
  if (!parsed.success) {
    return { values, fieldErrors: await accountFieldErrors(parsed.error) };
  }
  const t = await getTranslations("home.errors");
  if (parsed.data.password !== text(formData, "confirm")) {
    return { values, fieldErrors: { confirm: [t("passwordsDiffer")] } };
  }
  try {
    await createFirstAdmin(getDatabase().db, parsed.data);
  } catch (error) {
    if (error instanceof SetupAlreadyDoneError) {
      return { values, error: t("setupAlreadyDone") };
    }
    // An account made before setup (e.g. by a sign-in provider) already has this email.
    if (error instanceof SetupEmailTakenError) {
      return {
        values,
        fieldErrors: { email: [localizedErrorMessage(error, await getLocale())] },
      };
    }
    throw error;
  }
  await signIn("credentials", {
    email: parsed.data.email,
    password: parsed.data.password,
    redirectTo: "/home?welcome=admin",
  });
  redirect("/home");
}
