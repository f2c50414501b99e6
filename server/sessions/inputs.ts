import { z } from "zod";

import { votingMethods } from "~/db/schema/stage-list";

import { textInput } from "../text-input";

/** Dot voting's budget, with the defaults of DESIGN.md: 3 dots, at most 2 on one practice. */
export const dotsInput = z
  .number()
  .int()
  .min(1, "Give each person at least 1 dot.")
  .max(20, "At most 20 dots.")
  .default(3);
export const maxDotsPerPracticeInput = z
  .number()
  .int()
  .min(1, "Allow at least 1 dot per practice.")
  .max(20, "At most 20 dots per practice.")
  .default(2);

/** Session settings as a facilitator chooses them, with the defaults of DESIGN.md. */
export const sessionSettingsInput = z.object({
  votingMethod: z.enum(votingMethods).default("dots"),
  dots: dotsInput,
  maxDotsPerPractice: maxDotsPerPracticeInput,
  anonymousNotes: z.boolean().default(true),
});

export const sessionTitleInput = textInput()
  .trim()
  .min(1, "Give the session a title.")
  .max(120, "Keep the title under 120 characters.");

export const displayNameInput = textInput()
  .trim()
  .min(1, "Enter the name others will see.")
  .max(40, "Keep the name under 40 characters.");

export const noteBodyInput = textInput()
  .trim()
  .min(1, "Write something first.")
  .max(500, "Keep a note under 500 characters.");
