import "server-only";

import { TRPCError } from "@trpc/server";

import { defaultLocale, type Locale } from "./locales";
import { keyOfEnglish, renderServerText, type ServerText } from "./server-text";

type TRPCErrorCode = ConstructorParameters<typeof TRPCError>[0]["code"];

/**
 * A refusal worded for people: `message` is its English sentence (what logs and tests read),
 * `text` the message key and arguments it was made from, so that whoever answers the person can
 * say it in their language (the tRPC error formatter, a server action with `getLocale()`).
 * A plain sentence is still accepted, for code not yet moved to keys: it is said as it is, and
 * translated only if it is one of the server's messages word for word.
 */
export class LocalizedError extends Error {
  readonly text: ServerText | undefined;

  constructor(text: ServerText | string) {
    super(typeof text === "string" ? text : renderServerText(text));
    this.text = typeof text === "string" ? undefined : text;
  }
}

/** A tRPC error with a server message: English as its message, the key kept as its cause. */
export function localizedTRPCError(code: TRPCErrorCode, text: ServerText): TRPCError {
  const cause = new LocalizedError(text);
  return new TRPCError({ code, message: cause.message, cause });
}

/** A domain refusal as a tRPC error with the same words (and the same key, as its cause). */
export function trpcErrorOf(code: TRPCErrorCode, error: LocalizedError): TRPCError {
  return new TRPCError({ code, message: error.message, cause: error });
}

/** The key and arguments an error's sentence was made from, if it is one of the server's. */
export function textOf(error: unknown): ServerText | undefined {
  let current: unknown = error;
  for (let depth = 0; current instanceof Error && depth < 3; depth++) {
    if (current instanceof LocalizedError && current.text) return current.text;
    current = current.cause;
  }
  if (!(error instanceof Error)) return undefined;
  const key = keyOfEnglish(error.message);
  return key ? { key } : undefined;
}

/**
 * An error's sentence in the given language. English is the message itself, byte for byte;
 * a sentence that isn't one of the server's messages stays as it is.
 */
export function localizedErrorMessage(error: Error, locale: Locale): string {
  if (locale === defaultLocale) return error.message;
  const text = textOf(error);
  return text ? renderServerText(text, locale) : error.message;
}
