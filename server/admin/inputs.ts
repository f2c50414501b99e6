import { z } from "zod";

import { textInput } from "../text-input";

/** Inputs shared by the admin routers, bounded, with sentences an admin can act on. */
export const pageInput = z
  .number()
  .int("Give the page as a whole number.")
  .min(1, "Pages start at 1.")
  .max(10_000, "There aren't that many pages.")
  .default(1);

export const searchInput = textInput()
  .trim()
  .max(100, "Keep the search under 100 characters.")
  .default("");

export const userIdInput = z.uuid("That is not an account id.");
export const teamIdInput = z.uuid("That is not a team id.");
