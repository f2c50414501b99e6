import { setTheme } from "../_actions/theme";
import type { ThemeChoice } from "./theme";

const choices: { value: ThemeChoice; label: string; icon: string }[] = [
  { value: "system", label: "System theme", icon: "◐" },
  { value: "light", label: "Light theme", icon: "☀" },
  { value: "dark", label: "Dark theme", icon: "☾" },
];

/** Three buttons in a form: works without JavaScript, remembered in a cookie. */
export function ThemeSwitch({ current }: { current: ThemeChoice }) {
  return (
    <form action={setTheme} className="flex rounded-lg border border-line" aria-label="Theme">
      {choices.map((choice) => (
        <button
          key={choice.value}
          type="submit"
          name="theme"
          value={choice.value}
          aria-pressed={current === choice.value}
          aria-label={choice.label}
          title={choice.label}
          className="min-h-11 min-w-11 rounded-lg text-lg text-muted hover:bg-raised aria-pressed:bg-raised aria-pressed:text-fg"
        >
          <span aria-hidden="true">{choice.icon}</span>
        </button>
      ))}
    </form>
  );
}
