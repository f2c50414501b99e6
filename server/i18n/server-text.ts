import "server-only";

// use-intl/core, not next-intl: the demo and screenshot scripts load this outside Next, where
// next-intl's entry pulls in its React client provider.
import { createTranslator, type MessageKeys, type NestedKeyOf } from "use-intl/core";

import { parseCookies } from "../http/cookies";
import { defaultLocale, localeCookie, pickLocale, type Locale } from "./locales";
import enCommon from "./messages/en/common.json";
import enServer from "./messages/en/server.json";
import esCommon from "./messages/es/common.json";
import esServer from "./messages/es/server.json";

/**
 * Words the server says to people (refusals, exports) in the "server" messages, in every
 * language at once: errors are made deep in domain code and re-worded in tRPC's error formatter,
 * both synchronous, so the messages are imported here rather than awaited per request
 * (`loadMessages`). In the Next build these imports go through next-intl's catalog loader like
 * any other, so they arrive precompiled; next-intl's own `createTranslator` formats them.
 */
type ServerMessages = typeof enServer;

/** A message of the "server" namespace, e.g. "access.signIn". */
export type ServerKey = MessageKeys<ServerMessages, NestedKeyOf<ServerMessages>>;
export type ServerValues = Record<string, string | number>;

/** What to say, in no language yet: a message key and its arguments. */
export interface ServerText {
  key: ServerKey;
  values?: ServerValues;
}

const messages = {
  en: { server: enServer, common: enCommon },
  es: { server: esServer, common: esCommon },
} satisfies Record<Locale, object>;

function translatorFor(locale: Locale) {
  return createTranslator({
    locale,
    messages: messages[locale],
    // No dates in these messages; a fixed zone keeps next-intl from warning about a missing one.
    timeZone: "UTC",
    // A message that can't be formatted must not pass as text: the caller falls back to English.
    onError: (error) => {
      throw error;
    },
  });
}

const translators = Object.fromEntries(
  (Object.keys(messages) as Locale[]).map((locale) => [locale, translatorFor(locale)]),
) as Record<Locale, ReturnType<typeof translatorFor>>;

/** The "common" messages of a language, for server code that names things as the pages do. */
export function commonTranslator(locale: Locale) {
  return createTranslator({
    locale,
    messages: messages[locale],
    namespace: "common",
    timeZone: "UTC",
  });
}

/** The text in the given language; English when the translation can't be formatted. */
export function renderServerText(text: ServerText, locale: Locale = defaultLocale): string {
  const translate = translators[locale] as (key: string, values?: ServerValues) => string;
  try {
    return translate(`server.${text.key}`, text.values);
  } catch (error) {
    if (locale !== defaultLocale) return renderServerText(text, defaultLocale);
    console.error(`[i18n] server.${text.key}:`, error);
    return text.key;
  }
}

/** Shorthand for the English text, which is what errors carry as their `message`. */
export function englishText(key: ServerKey, values?: ServerValues): string {
  return renderServerText({ key, values });
}

let byEnglish: Map<string, ServerKey> | undefined;

/**
 * The message whose English is exactly this sentence, when it takes no arguments. Zod issues
 * keep only their sentence (the custom messages written in the schemas, which are in the
 * "validation" messages word for word), so this is how they find their translation; it also
 * covers a refusal thrown as a plain English sentence. Precompiled messages without arguments
 * are plain strings, the same as their source.
 */
export function keyOfEnglish(sentence: string): ServerKey | undefined {
  if (!byEnglish) {
    byEnglish = new Map();
    const walk = (tree: object, prefix: string) => {
      for (const [name, value] of Object.entries(tree)) {
        const key = prefix ? `${prefix}.${name}` : name;
        if (typeof value === "string") {
          if (/[{}]/.test(value)) continue;
          const english = englishText(key as ServerKey);
          if (!byEnglish!.has(english)) byEnglish!.set(english, key as ServerKey);
        } else if (value && typeof value === "object" && !Array.isArray(value)) {
          walk(value as object, key);
        }
      }
    };
    walk(enServer, "");
  }
  return byEnglish.get(sentence);
}

/** The language of a request: the remembered choice (cookie), else the browser's, else English. */
export function requestLocale(headers: Headers): Locale {
  return pickLocale(
    parseCookies(headers.get("cookie")).get(localeCookie),
    headers.get("accept-language"),
  );
}
