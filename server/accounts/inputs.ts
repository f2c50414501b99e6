import { z } from "zod";

import { textInput } from "../text-input";

/** Field rules shared by the setup form, sign-up and admin screens, with readable messages. */
export const emailInput = textInput()
  .trim()
  .max(254, "Email is too long.")
  .pipe(z.email("Enter a valid email address."))
  .transform((email) => email.toLowerCase());

export const personNameInput = textInput()
  .trim()
  .min(1, "Enter your name.")
  .max(80, "Keep the name under 80 characters.");

export const newPasswordInput = textInput()
  .min(10, "Use at least 10 characters for the password.")
  .max(200, "Keep the password under 200 characters.");

export const newAccountInput = z.object({
  email: emailInput,
  name: personNameInput,
  password: newPasswordInput,
});
