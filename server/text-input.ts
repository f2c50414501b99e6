import { z } from "zod";

/**
 * The start of every free-text input, for what PostgreSQL can't store:
 * - the NUL character (U+0000) fails any query on a text column, so it is refused with a message;
 * - half of a surrogate pair (what cutting an emoji in two leaves) fails a query on a jsonb column
 *   (drafts, action history), so it becomes U+FFFD, the character browsers show for it anyway.
 * Chain the field's own rules after it: `textInput().trim().min(1, "…").max(200, "…")`.
 */
export const textInput = () =>
  z.string().refine(hasNoNulCharacter, nulCharacterMessage).overwrite(withWholeCharacters);

/** A whole surrogate pair, or half of one. */
const surrogates = /[\uD800-\uDBFF][\uDC00-\uDFFF]|[\uD800-\uDFFF]/g;

/** String.prototype.toWellFormed, which the admin editor's older browsers may lack. */
function withWholeCharacters(value: string) {
  return value.replace(surrogates, (found) => (found.length === 2 ? found : "\uFFFD"));
}

export function hasNoNulCharacter(value: string) {
  return !value.includes("\u0000");
}

export const nulCharacterMessage =
  "The text holds an invisible NUL character (U+0000) that can't be saved: remove it.";
