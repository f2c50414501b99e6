import { createTranslator } from "next-intl";

import admin from "~/server/i18n/messages/en/admin.json";

import {
  auditSentence,
  auditSubtitle,
  type AuditEntryForText,
  type AuditWords,
} from "./audit-sentence";

export type { AuditEntryForText } from "./audit-sentence";

/**
 * Audit sentences in English unless given a translator, for code outside a request such as unit
 * tests. Pages use audit-sentence.ts with the reader's translator, which keeps these English
 * messages out of the browser's bundle.
 */
const english: AuditWords = createTranslator({
  locale: "en",
  messages: { admin },
  namespace: "admin.audit.entry",
});

export function describeAuditEntry(entry: AuditEntryForText, t: AuditWords = english): string {
  return auditSentence(entry, t);
}

export function auditEntrySubtitle(
  entry: AuditEntryForText,
  t: AuditWords = english,
): string | null {
  return auditSubtitle(entry, t);
}
