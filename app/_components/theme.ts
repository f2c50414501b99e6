export type ThemeChoice = "system" | "light" | "dark";
export const themeCookie = "practica_theme";

export function parseTheme(value: string | undefined): ThemeChoice {
  return value === "light" || value === "dark" ? value : "system";
}
