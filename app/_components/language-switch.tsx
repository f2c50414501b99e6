import { getLocale, getTranslations } from "next-intl/server";

import { locales, localeNames } from "~/server/i18n/locales";

import { setLocale } from "../_actions/locale";

/** One button per language, each named in its own language; works without JavaScript. */
export async function LanguageSwitch() {
  const [current, t] = await Promise.all([getLocale(), getTranslations("common")]);
  return (
    <form
      action={setLocale}
      className="flex flex-wrap rounded-lg border border-line"
      aria-label={t("language")}
    >
      {locales.map((locale) => (
        <button
          key={locale}
          type="submit"
          name="locale"
          value={locale}
          lang={locale}
          aria-pressed={current === locale}
          className="min-h-11 min-w-11 rounded-lg px-3 text-sm font-semibold text-muted hover:bg-raised aria-pressed:bg-raised aria-pressed:text-fg"
        >
          {localeNames[locale]}
        </button>
      ))}
    </form>
  );
}
