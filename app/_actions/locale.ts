"use server";

import { cookies } from "next/headers";

import { isLocale, localeCookie } from "~/server/i18n/locales";

/** Remembers a person's language for a year; a phone keeps it without an account. */
export async function setLocale(formData: FormData) {
  const value = formData.get("locale");
  if (!isLocale(value)) return;
  (await cookies()).set(localeCookie, value, {
    path: "/",
    maxAge: 365 * 24 * 3600,
    sameSite: "lax",
  });
}
