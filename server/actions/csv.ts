import { defaultLocale, type Locale } from "../i18n/locales";
import { renderServerText } from "../i18n/server-text";

/**
 * CSV as RFC 4180 describes it: CRLF line ends, fields quoted when they hold a comma, a quote or
 * a line break (quotes doubled inside). Spreadsheet apps run cells that start with = + - @ as
 * formulas, so such cells get a leading apostrophe: an action titled "=HYPERLINK(...)" stays text.
 */
export function csvField(value: string | number | null | undefined): string {
  if (value === null || value === undefined) return "";
  let text = String(value);
  if (/^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return /[",\r\n]|^\s|\s$/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

export function toCsv(rows: readonly (readonly (string | number | null | undefined)[])[]): string {
  return rows.map((row) => row.map(csvField).join(",")).join("\r\n") + "\r\n";
}

export interface CsvAction {
  title: string;
  status: string;
  ownerName: string | null;
  dueOn: string | null;
  practiceTitle: string | null;
  sessionTitle: string | null;
  createdAt: Date;
  completedAt: Date | null;
}

const columns = [
  "title",
  "status",
  "owner",
  "due",
  "practice",
  "session",
  "created",
  "completed",
] as const;

/** The header row in the given language (English by default). */
export function actionCsvHeaderIn(locale: Locale = defaultLocale): string[] {
  return columns.map((column) => renderServerText({ key: `csv.${column}` }, locale));
}

export const actionCsvHeader: readonly string[] = actionCsvHeaderIn();

const statuses = new Set(["todo", "doing", "done", "dropped"] as const);
const isStatus = (status: string): status is "todo" | "doing" | "done" | "dropped" =>
  statuses.has(status as never);

/**
 * The actions as CSV, with the header and statuses in the given language (English by default).
 * Times stay ISO 8601, which spreadsheets read in any language.
 */
export function actionsCsv(actions: readonly CsvAction[], locale: Locale = defaultLocale): string {
  return toCsv([
    actionCsvHeaderIn(locale),
    ...actions.map((action) => [
      action.title,
      isStatus(action.status)
        ? renderServerText({ key: `actionStatus.${action.status}` }, locale)
        : action.status,
      action.ownerName,
      action.dueOn,
      action.practiceTitle,
      action.sessionTitle,
      action.createdAt.toISOString(),
      action.completedAt?.toISOString() ?? null,
    ]),
  ]);
}
