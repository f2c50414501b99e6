import { z } from "zod";

import { votingMethods } from "~/db/schema/stage-list";

import { dotsInput, maxDotsPerPracticeInput } from "../sessions/inputs";
import { textInput } from "../text-input";
import { ratingMax } from "./ballot-rules";

/** A new round as the facilitator sets it up; defaults from DESIGN.md (3 dots, at most 2 on one). */
export const roundOptionsInput = z
  .object({
    method: z.enum(votingMethods, "Pick a voting method."),
    dots: dotsInput,
    maxDotsPerPractice: maxDotsPerPracticeInput,
    practiceIds: z
      .array(z.uuid("That is not a practice id."))
      .max(50, "A round holds at most 50 practices.")
      .nullable()
      .default(null),
  })
  .refine((o) => o.method !== "dots" || o.maxDotsPerPractice <= o.dots, {
    message: "The most dots on one practice can't exceed the dots each person has.",
    path: ["maxDotsPerPractice"],
  });

export const ballotInput = z.object({
  roundId: z.uuid("That is not a voting round id."),
  submissionId: textInput()
    .min(8, "A ballot needs a submission id.")
    .max(64, "That is not a ballot submission id."),
  marks: z
    .array(
      z.object({
        practiceId: z.uuid("That is not a practice id."),
        points: z.number().int("Marks are whole numbers.").min(0).max(20),
        importance: z.number().int().min(0).max(ratingMax).nullable().default(null),
      }),
    )
    .max(50, "A ballot holds at most 50 practices."),
});
