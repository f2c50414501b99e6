// Labels and number formats are the ones every screen uses, so the export reads like the page.
import {
  formatAverage,
  formatGap,
  methodLabel,
  rankLabel,
} from "~/app/_components/voting/method-labels";
import type { CommonTranslator } from "~/app/_components/translator";

import { dayOf, isOverdue } from "../actions/follow-through";
import { defaultLocale, type Locale } from "../i18n/locales";
import {
  commonTranslator,
  renderServerText,
  type ServerKey,
  type ServerValues,
} from "../i18n/server-text";
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

/** The words of one export, in one language. */
interface Words {
  locale: Locale;
  say: (key: ServerKey, values?: ServerValues) => string;
  common: CommonTranslator;
}

function wordsIn(locale: Locale): Words {
  return {
    locale,
    say: (key, values) => renderServerText({ key, values }, locale),
    common: commonTranslator(locale),
  };
}

function roundMarkdown(round: SummaryRound, adopted: ReadonlySet<string>, words: Words) {
  const { say, locale } = words;
  const heading = `### ${say("summary.roundHeading", {
    number: round.number,
    method: methodLabel(words.common, round.method),
    ballots: round.ballots,
  })}`;
  const practice = (row: { practiceId: string; title: string }) =>
    escapeMarkdown(row.title) +
    (adopted.has(row.practiceId) ? ` **${say("summary.adoptedMark")}**` : "");
  if (round.method === "maturity") {
    return [
      heading,
      "",
      say("summary.maturityNote"),
      "",
      markdownTable(
        [
          say("summary.rank"),
          say("summary.practice"),
          say("summary.today"),
          say("summary.importance"),
          say("summary.gap"),
        ],
        ["right", "left", "right", "right", "right"],
        round.rows.map((row) => [
          rankLabel(row),
          practice(row),
          formatAverage(row.today, locale),
          formatAverage(row.importance, locale),
          formatGap(row.gap, locale),
        ]),
      ),
    ];
  }
  const unit = round.method === "dots" ? say("summary.dots") : say("summary.approvals");
  return [
    heading,
    "",
    markdownTable(
      [say("summary.rank"), say("summary.practice"), unit],
      ["right", "left", "right"],
      round.rows.map((row) => [
        rankLabel(row),
        practice(row),
        round.method === "dots"
          ? String(row.score)
          : say("summary.approvalScore", { score: row.score, ballots: round.ballots }),
      ]),
    ),
  ];
}

/**
 * The status of an action as the summary states it, with "overdue" where it applies, in the
 * given language (English by default).
 */
export function actionStatusLabel(
  action: SummaryAction,
  today: string,
  locale: Locale = defaultLocale,
) {
  const status = renderServerText({ key: `actionStatus.${action.status}` }, locale);
  return isOverdue(action, today)
    ? renderServerText({ key: "summary.overdue", values: { status } }, locale)
    : status;
}

/**
 * A session's summary as a Markdown document: who took part, the results of each revealed
 * round, the practices adopted and the actions agreed. `today` (YYYY-MM-DD) dates the export and
 * decides which actions are overdue; `locale` is the reader's language (English by default).
 * Days stay YYYY-MM-DD, which reads the same in every language.
 */
export function summaryMarkdown(
  summary: SessionSummary,
  today: string,
  locale: Locale = defaultLocale,
) {
  const words = wordsIn(locale);
  const { say } = words;
  const { session, team, workshop } = summary;
  const adopted = new Set(summary.adopted.map((a) => a.practiceId));
  const held = dayOf(session.createdAt);
  const field = (label: ServerKey, value: string | number) => `- **${say(label)}:** ${value}`;
  const lines: string[] = [
    `# ${escapeMarkdown(session.title) || say("summary.untitledSession")}`,
    "",
    field("summary.team", escapeMarkdown(team.name)),
    field(
      "summary.held",
      session.endedAt
        ? say("summary.heldEnded", { day: held, ended: dayOf(session.endedAt) })
        : say("summary.heldLive", { day: held }),
    ),
    field(
      "summary.workshop",
      say("summary.workshopVersion", {
        title: escapeMarkdown(workshop.title),
        version: workshop.version,
      }),
    ),
    field("summary.tookPart", say("summary.people", { count: summary.participants })),
    field("summary.notesWritten", summary.notes),
    "",
    `## ${say("summary.results")}`,
    "",
  ];
  if (summary.rounds.length === 0) lines.push(say("summary.noResults"), "");
  for (const round of summary.rounds) lines.push(...roundMarkdown(round, adopted, words), "");
  if (summary.unrevealedRounds > 0) {
    lines.push(say("summary.unrevealed", { count: summary.unrevealedRounds }), "");
  }

  lines.push(`## ${say("summary.adoptedPractices")}`, "");
  if (summary.adopted.length === 0) lines.push(say("summary.noAdopted"));
  for (const practice of summary.adopted) {
    const title = escapeMarkdown(practice.title);
    lines.push(
      `- ${say("summary.adoptedOn", { practice: title, day: dayOf(practice.adoptedAt) })}`,
    );
  }
  lines.push("", `## ${say("summary.actions")}`, "");
  if (summary.actions.length === 0) {
    lines.push(say("summary.noActions"));
  } else {
    lines.push(
      markdownTable(
        [
          say("summary.action"),
          say("summary.owner"),
          say("summary.due"),
          say("summary.practice"),
          say("summary.status"),
        ],
        ["left", "left", "left", "left", "left"],
        summary.actions.map((action) => [
          escapeMarkdown(action.title),
          action.ownerName ? escapeMarkdown(action.ownerName) : say("summary.noOwner"),
          action.dueOn ?? say("summary.noDate"),
          action.practiceTitle ? escapeMarkdown(action.practiceTitle) : "–",
          actionStatusLabel(action, today, locale),
        ]),
      ),
    );
  }
  const { dropped, merged, open } = summary.proposals;
  const aside = [
    dropped > 0 && say("summary.declined", { count: dropped }),
    merged > 0 && say("summary.mergedDuplicates", { count: merged }),
    open > 0 && say("summary.stillOpen", { count: open }),
  ].filter(Boolean);
  if (aside.length > 0) lines.push("", say("summary.also", { list: aside.join(", ") }));
  lines.push("", "---", "", say("summary.exported", { day: today }), "");
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
