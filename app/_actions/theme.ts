"use server";

import { cookies } from "next/headers";

import { parseTheme, themeCookie } from "../_components/theme";

export async function setTheme(formData: FormData) {
  const value = formData.get("theme");
  const choice = parseTheme(typeof value === "string" ? value : undefined);
  const store = await cookies();
  if (choice === "system") store.delete(themeCookie);
  else store.set(themeCookie, choice, { path: "/", maxAge: 365 * 24 * 3600, sameSite: "lax" });
}
