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

export const actionCsvHeader = [
  "Title",
  "Status",
  "Owner",
  "Due",
  "Practice",
  "Session",
  "Created",
  "Completed",
] as const;

const statusWords: Record<string, string> = {
  todo: "To do",
  doing: "Doing",
  done: "Done",
  dropped: "Dropped",
};

export function actionsCsv(actions: readonly CsvAction[]): string {
  return toCsv([
    actionCsvHeader,
    ...actions.map((action) => [
      action.title,
      statusWords[action.status] ?? action.status,
      action.ownerName,
      action.dueOn,
      action.practiceTitle,
      action.sessionTitle,
      action.createdAt.toISOString(),
      action.completedAt?.toISOString() ?? null,
    ]),
  ]);
}
