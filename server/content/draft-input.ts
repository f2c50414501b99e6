import { z } from "zod";

import { textInput } from "../text-input";

/**
 * Size limits of a workshop's draft, shared by the router's validation and the editor's fields so
 * an admin learns a limit while typing rather than from a refused save.
 */
export const contentLimits = {
  title: 200,
  markdown: 100_000,
  practices: 50,
  practiceTitle: 200,
  practiceDescription: 2_000,
  prompts: 50,
  promptText: 1_000,
} as const;

const essayTitle = textInput()
  .trim()
  .min(1, "Give the workshop a title.")
  .max(contentLimits.title, `Keep the title under ${contentLimits.title} characters.`);

export const newEssayInput = z.object({ title: essayTitle });

const practiceInput = z.object({
  practiceId: z.uuid("That is not a practice id.").nullable(),
  title: textInput()
    .trim()
    .min(1, "Every practice needs a title.")
    .max(
      contentLimits.practiceTitle,
      `Keep practice titles under ${contentLimits.practiceTitle} characters.`,
    ),
  description: textInput()
    .trim()
    .max(
      contentLimits.practiceDescription,
      `Keep practice descriptions under ${contentLimits.practiceDescription} characters.`,
    ),
});

const promptInput = z.object({
  text: textInput()
    .trim()
    .min(1, "A discussion prompt can't be empty; remove it instead.")
    .max(contentLimits.promptText, `Keep prompts under ${contentLimits.promptText} characters.`),
  practiceIndex: z.number().int().min(0).max(contentLimits.practices).nullable(),
});

/** A whole draft as the editor saves it. */
export const essayDraftInput = z
  .object({
    title: essayTitle,
    markdown: textInput().max(
      contentLimits.markdown,
      `The essay is too long: keep it under ${contentLimits.markdown.toLocaleString("en")} characters.`,
    ),
    practices: z
      .array(practiceInput)
      .max(
        contentLimits.practices,
        `A workshop can have at most ${contentLimits.practices} practices.`,
      ),
    prompts: z
      .array(promptInput)
      .max(contentLimits.prompts, `A workshop can have at most ${contentLimits.prompts} prompts.`),
  })
  .superRefine((draft, ctx) => {
    draft.prompts.forEach((prompt, i) => {
      if (prompt.practiceIndex !== null && prompt.practiceIndex >= draft.practices.length) {
        ctx.addIssue({
          code: "custom",
          path: ["prompts", i, "practiceIndex"],
          message: "This prompt is tied to a practice that isn't in the draft.",
        });
      }
    });
    const ids = draft.practices.flatMap((p) => (p.practiceId ? [p.practiceId] : []));
    if (new Set(ids).size !== ids.length) {
      ctx.addIssue({
        code: "custom",
        path: ["practices"],
        message: "A practice appears twice in the draft.",
      });
    }
  });

export type EssayDraftInput = z.infer<typeof essayDraftInput>;
