import { createTranslator } from "next-intl";

import admin from "~/server/i18n/messages/en/admin.json";

import type { Problem } from "../[essayId]/_components/use-autosave";
import { saveProblem, type SaveWords } from "./save-rules";

export { leavesPageThroughLink, type LinkClick } from "./save-rules";

/**
 * The editor's save rules with English words unless given a translator, for code outside a
 * request such as unit tests. The editor uses save-rules.ts with the reader's translator, which
 * keeps these English messages out of the browser's bundle.
 */
const english: SaveWords = createTranslator({
  locale: "en",
  messages: { admin },
  namespace: "admin.editor.save",
});

export function problemFromSaveError(error: unknown, t: SaveWords = english): Problem {
  return saveProblem(error, t);
}
