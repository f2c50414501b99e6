import "server-only";

import { z, type ZodError } from "zod";

import { defaultLocale, type Locale } from "./locales";
import { keyOfEnglish, renderServerText } from "./server-text";

type Issue = z.core.$ZodIssue;

/** Zod's own default messages per language, for checks that carry no message of ours. */
const zodLocales: Partial<Record<Locale, () => { localeError: z.core.$ZodErrorMap }>> = {
  es: z.locales.es,
};
const zodErrorMaps = new Map<Locale, z.core.$ZodErrorMap>();

/**
 * A value of the type an English "received number" names: issues no longer hold their input,
 * and zod's messages name the type received. Anything else is an instance of a named class.
 */
function sampleOf(typeName: string | undefined): unknown {
  const samples: Record<string, unknown> = {
    string: "",
    number: 0,
    nan: Number.NaN,
    boolean: false,
    bigint: BigInt(0),
    symbol: Symbol(),
    undefined,
    null: null,
    array: [],
    object: {},
    function: () => {},
  };
  if (typeName === undefined) return undefined;
  if (typeName in samples) return samples[typeName];
  return Object.create({ constructor: { name: typeName } }) as unknown;
}

function zodDefaultMessage(issue: Issue, locale: Locale): string | undefined {
  const load = zodLocales[locale];
  if (!load) return undefined;
  let map = zodErrorMaps.get(locale);
  if (!map) {
    map = load().localeError;
    zodErrorMaps.set(locale, map);
  }
  const received =
    issue.code === "invalid_type" ? /received (\S+)$/.exec(issue.message)?.[1] : undefined;
  const raw = { ...issue, input: sampleOf(received) } as unknown as Parameters<typeof map>[0];
  const result = map(raw);
  return typeof result === "string" ? result : (result?.message ?? undefined);
}

/**
 * One zod issue's message in the caller's language. The schemas' own messages are English
 * sentences that are also in the "validation" messages, word for word (a unit test keeps it
 * so), which is how they find their translation; checks without a message of ours get zod's
 * default message in that language. English is the issue's message unchanged.
 */
export function localizedIssueMessage(issue: Issue, locale: Locale): string {
  if (locale === defaultLocale) return issue.message;
  const key = keyOfEnglish(issue.message);
  if (key) return renderServerText({ key }, locale);
  return zodDefaultMessage(issue, locale) ?? issue.message;
}

/** The issues as one sentence, "path: message; …", as the tRPC error formatter sends them. */
export function readableZodMessage(error: ZodError, locale: Locale = defaultLocale) {
  return error.issues
    .map(
      (issue) =>
        (issue.path.length ? `${issue.path.join(".")}: ` : "") +
        localizedIssueMessage(issue, locale),
    )
    .join("; ");
}

/** `z.flattenError` with each message in the caller's language (forms show them by field). */
export function localizedFlattenError(error: ZodError, locale: Locale = defaultLocale) {
  return z.flattenError(error, (issue) => localizedIssueMessage(issue, locale));
}
