import { getTranslations } from "next-intl/server";

import { setTheme } from "../_actions/theme";
import type { ThemeChoice } from "./theme";

const choices = [
  { value: "system", label: "themeSystem", icon: "◐" },
  { value: "light", label: "themeLight", icon: "☀" },
  { value: "dark", label: "themeDark", icon: "☾" },
] as const satisfies readonly { value: ThemeChoice; label: string; icon: string }[];

/** Three buttons in a form: works without JavaScript, remembered in a cookie. */
export async function ThemeSwitch({ current }: { current: ThemeChoice }) {
  const t = await getTranslations("common");
  return (
    <form
      action={setTheme}
      className="flex flex-wrap rounded-lg border border-line"
      aria-label={t("theme")}
    >
      {choices.map((choice) => (
        <button
          key={choice.value}
          type="submit"
          name="theme"
          value={choice.value}
          aria-pressed={current === choice.value}
          aria-label={t(choice.label)}
          title={t(choice.label)}
          className="min-h-11 min-w-11 rounded-lg text-lg text-muted hover:bg-raised aria-pressed:bg-raised aria-pressed:text-fg"
        >
          <span aria-hidden="true">{choice.icon}</span>
        </button>
      ))}
    </form>
  );
}
