// Labels and number formats are the ones every screen uses, so the export reads like the page.
import {
  formatAverage,
  formatGap,
  methodLabels,
  rankLabel,
} from "~/app/_components/voting/method-labels";

import { dayOf, isOverdue } from "../actions/follow-through";
import type { SessionSummary, SummaryAction, SummaryRound } from "./types";

/** U+2060 WORD JOINER: invisible, and it breaks the patterns GFM turns into links by itself. */
const joiner = "\u2060";

/**
 * Text that people typed (titles, names) as literal Markdown text: every character that could
 * start a link, an image, HTML, emphasis, code or a table cell is backslash-escaped, and line
 * breaks collapse, so a title can't add links, HTML or rows of its own. Marks that only mean
 * something at the start of a line (lists, headings' underlines) are escaped there. GFM also
 * links bare addresses (http://…, www.…, a@b.c) whatever the escapes, so those get an invisible
 * word joiner that keeps them plain text.
 */
export function escapeMarkdown(text: string) {
  return text
    .replace(/[\s\u0000-\u001f\u007f]+/g, " ")
    .trim()
    .replace(/[\\`*_{}[\]()#!|<>~&$]/g, "\\$&")
    .replace(/^([-+=])/, "\\$1")
    .replace(/^(\d+)([.)])/, "$1\\$2")
    .replace(/:\/\//g, `:${joiner}//`)
    .replace(/\bwww\./gi, (www) => `${www.slice(0, 3)}${joiner}.`)
    .replace(/@/g, `${joiner}@`);
}

/** A GFM table; cells are already Markdown (escape user text before passing it). */
export function markdownTable(
  header: readonly string[],
  align: readonly ("left" | "right")[],
  rows: readonly (readonly string[])[],
) {
  const line = (cells: readonly string[]) => `| ${cells.map((c) => c || "–").join(" | ")} |`;
  return [
    line(header),
    `| ${align.map((a) => (a === "right" ? "---:" : "---")).join(" | ")} |`,
    ...rows.map(line),
  ].join("\n");
}

const statusLabels: Record<SummaryAction["status"], string> = {
  todo: "To do",
  doing: "Doing",
  done: "Done",
  dropped: "Dropped",
};

const plural = (count: number, one: string, many = `${one}s`) =>
  `${count} ${count === 1 ? one : many}`;

function roundMarkdown(round: SummaryRound, adopted: ReadonlySet<string>) {
  const heading = `### Round ${round.number} · ${methodLabels[round.method]} · ${plural(round.ballots, "ballot")}`;
  const practice = (row: { practiceId: string; title: string }) =>
    escapeMarkdown(row.title) + (adopted.has(row.practiceId) ? " **(adopted)**" : "");
  if (round.method === "maturity") {
    return [
      heading,
      "",
      "Ratings from 1 to 5: how well we do it today, and how important it is. Largest gap first.",
      "",
      markdownTable(
        ["Rank", "Practice", "Today", "Importance", "Gap"],
        ["right", "left", "right", "right", "right"],
        round.rows.map((row) => [
          rankLabel(row),
          practice(row),
          formatAverage(row.today),
          formatAverage(row.importance),
          formatGap(row.gap),
        ]),
      ),
    ];
  }
  const unit = round.method === "dots" ? "Dots" : "Approvals";
  return [
    heading,
    "",
    markdownTable(
      ["Rank", "Practice", unit],
      ["right", "left", "right"],
      round.rows.map((row) => [
        rankLabel(row),
        practice(row),
        round.method === "dots" ? String(row.score) : `${row.score} of ${round.ballots}`,
      ]),
    ),
  ];
}

/** The status of an action as the summary states it, with "overdue" where it applies. */
export function actionStatusLabel(action: SummaryAction, today: string) {
  return statusLabels[action.status] + (isOverdue(action, today) ? " (overdue)" : "");
}

/**
 * A session's summary as a Markdown document: who took part, the results of each revealed
 * round, the practices adopted and the actions agreed. `today` (YYYY-MM-DD) dates the export and
 * decides which actions are overdue.
 */
export function summaryMarkdown(summary: SessionSummary, today: string) {
  const { session, team, workshop } = summary;
  const adopted = new Set(summary.adopted.map((a) => a.practiceId));
  const held = dayOf(session.createdAt);
  const status = session.endedAt ? `ended ${dayOf(session.endedAt)}` : "live";
  const lines: string[] = [
    `# ${escapeMarkdown(session.title) || "Untitled session"}`,
    "",
    `- **Team:** ${escapeMarkdown(team.name)}`,
    `- **Held:** ${held} (${status})`,
    `- **Workshop:** ${escapeMarkdown(workshop.title)} (version ${workshop.version})`,
    `- **Took part:** ${plural(summary.participants, "person", "people")}`,
    `- **Notes written:** ${summary.notes}`,
    "",
    "## Results",
    "",
  ];
  if (summary.rounds.length === 0) {
    lines.push("No voting results were revealed in this session.", "");
  }
  for (const round of summary.rounds) lines.push(...roundMarkdown(round, adopted), "");
  if (summary.unrevealedRounds > 0) {
    lines.push(
      `${plural(summary.unrevealedRounds, "round was", "rounds were")} not revealed; ${summary.unrevealedRounds === 1 ? "its" : "their"} results stay hidden.`,
      "",
    );
  }

  lines.push("## Adopted practices", "");
  if (summary.adopted.length === 0) lines.push("No practices were adopted.");
  for (const practice of summary.adopted) {
    lines.push(`- ${escapeMarkdown(practice.title)} (adopted ${dayOf(practice.adoptedAt)})`);
  }
  lines.push("", "## Actions", "");
  if (summary.actions.length === 0) {
    lines.push("No actions were agreed.");
  } else {
    lines.push(
      markdownTable(
        ["Action", "Owner", "Due", "Practice", "Status"],
        ["left", "left", "left", "left", "left"],
        summary.actions.map((action) => [
          escapeMarkdown(action.title),
          action.ownerName ? escapeMarkdown(action.ownerName) : "No owner",
          action.dueOn ?? "No date",
          action.practiceTitle ? escapeMarkdown(action.practiceTitle) : "–",
          actionStatusLabel(action, today),
        ]),
      ),
    );
  }
  const { dropped, merged, open } = summary.proposals;
  const aside = [
    dropped > 0 && `${plural(dropped, "proposal")} declined`,
    merged > 0 && `${plural(merged, "duplicate")} merged`,
    open > 0 && `${plural(open, "proposal")} still open`,
  ].filter(Boolean);
  if (aside.length > 0) lines.push("", `Also: ${aside.join(", ")}.`);
  lines.push("", "---", "", `Exported from Practica on ${today}.`, "");
  return lines.join("\n");
}

/** A download's file name: the session's title in plain ASCII, and the day it was held. */
export function summaryFileName(summary: Pick<SessionSummary, "session">) {
  const slug = summary.session.title
    .normalize("NFKD")
    .replace(/[^\x20-\x7e]/g, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "")
    .slice(0, 60)
    .replace(/-+$/, "");
  return `${slug || "session"}-${dayOf(summary.session.createdAt)}-summary.md`;
}
