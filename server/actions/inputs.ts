import { z } from "zod";

import { textInput } from "../text-input";

/** Bounded inputs of actions, with sentences a person can act on. Shared by phones and boards. */
export const actionTitleInput = textInput()
  .trim()
  .min(3, "Say what will be done, in a few words.")
  .max(200, "Keep an action under 200 characters.");

export const actionDetailsInput = textInput()
  .trim()
  .max(2000, "Keep the details under 2,000 characters.");

/** A calendar day as YYYY-MM-DD (what <input type="date"> gives), within sane years. */
export const dueOnInput = z
  .string()
  .max(10, "Pick a due date (YYYY-MM-DD).")
  .regex(/^\d{4}-\d{2}-\d{2}$/, "Pick a due date (YYYY-MM-DD).")
  .refine((value) => isCalendarDay(value), "That is not a date on the calendar.")
  .refine(
    (value) => value >= "2000-01-01" && value <= "2100-12-31",
    "Pick a due date between 2000 and 2100.",
  );

export function isCalendarDay(value: string) {
  const date = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === value;
}

/** The columns of the team board; `proposed` only lives inside a session. */
export const boardStatuses = ["todo", "doing", "done", "dropped"] as const;
export type BoardStatus = (typeof boardStatuses)[number];
export const boardStatusInput = z.enum(
  boardStatuses,
  "Pick a column: to do, doing, done or dropped.",
);

export const reviewOutcomes = ["done", "carried", "dropped"] as const;
export const reviewOutcomeInput = z.enum(reviewOutcomes, "Mark it done, carried over or dropped.");
