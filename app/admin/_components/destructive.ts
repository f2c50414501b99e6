/**
 * The one look of a destructive button in admin (Remove, Deactivate): bordered like a secondary
 * button, in the danger colour, so it reads as "careful" without shouting like the confirm step.
 */
export const destructiveButtonClass =
  "inline-flex min-h-11 items-center justify-center gap-2 rounded-lg border border-line bg-surface px-4 font-semibold text-danger transition-colors hover:border-danger hover:bg-danger-soft disabled:cursor-not-allowed disabled:opacity-60";

/**
 * Textareas that grow with their text: `field-sizing: content` where the browser has it, and
 * rows counted from the text (wrapped at about `perLine` characters) where it doesn't.
 */
export const growingTextareaClass = "field-sizing-content min-h-[4.5rem] max-h-[60vh] py-2";

export function rowsFor(text: string, perLine = 70, min = 2, max = 12) {
  const lines = text
    .split("\n")
    .reduce((sum, line) => sum + Math.max(1, Math.ceil(line.length / perLine)), 0);
  return Math.min(max, Math.max(min, lines));
}

/**
 * A button in a person's row of controls (users, teams): on a phone the buttons share the row,
 * stretched to fill it; where the list is wider (an `@container` around it) each is as wide as
 * its words.
 */
export const rowButton = "grow @md:grow-0";
