import rehypeStringify from "rehype-stringify";
import remarkGfm from "remark-gfm";
import remarkParse from "remark-parse";
import remarkRehype from "remark-rehype";
import { unified } from "unified";
import { describe, expect, it } from "vitest";

import {
  escapeMarkdown,
  markdownTable,
  summaryFileName,
  summaryMarkdown,
} from "~/server/summary/markdown";
import type { SessionSummary } from "~/server/summary/types";

const today = "2026-03-11";
const joiner = "\u2060";

function summary(overrides: Partial<SessionSummary> = {}): SessionSummary {
  return {
    session: {
      id: "s1",
      title: "Spring retro",
      createdAt: new Date("2026-03-04T09:30:00Z"),
      endedAt: new Date("2026-03-04T11:00:00Z"),
    },
    team: { id: "t1", slug: "platform", name: "Platform" },
    workshop: { title: "Technical competence", version: 2 },
    participants: 5,
    rounds: [
      {
        roundId: "r1",
        number: 1,
        revealedAt: new Date("2026-03-04T10:00:00Z"),
        method: "dots",
        ballots: 5,
        rows: [
          { practiceId: "p1", title: "Reviews and feedback", rank: 1, tied: false, score: 6 },
          { practiceId: "p2", title: "Coaching", rank: 2, tied: true, score: 3 },
          { practiceId: "p3", title: "Testing", rank: 2, tied: true, score: 3 },
        ],
      },
      {
        roundId: "r2",
        number: 2,
        revealedAt: new Date("2026-03-04T10:20:00Z"),
        method: "maturity",
        ballots: 4,
        rows: [
          {
            practiceId: "p1",
            title: "Reviews and feedback",
            rank: 1,
            tied: false,
            ratings: 4,
            today: 2,
            importance: 4.5,
            gap: 2.5,
          },
          {
            practiceId: "p2",
            title: "Coaching",
            rank: 2,
            tied: false,
            ratings: 0,
            today: null,
            importance: null,
            gap: null,
          },
        ],
      },
    ],
    unrevealedRounds: 0,
    adopted: [
      { practiceId: "p1", title: "Reviews and feedback", adoptedAt: new Date("2026-03-04T10:30Z") },
    ],
    actions: [
      {
        id: "a1",
        title: "Review every PR within a day",
        status: "todo",
        ownerName: "Lin",
        dueOn: "2026-03-10",
        practiceTitle: "Reviews and feedback",
        completedAt: null,
      },
      {
        id: "a2",
        title: "Pair on reviews",
        status: "done",
        ownerName: null,
        dueOn: null,
        practiceTitle: "Reviews and feedback",
        completedAt: new Date("2026-03-06T12:00:00Z"),
      },
    ],
    proposals: { dropped: 2, merged: 1, open: 0 },
    notes: 7,
    ...overrides,
  };
}

/** Renders Markdown as a GFM renderer would, raw HTML passed through, to see what it makes of it. */
const render = (markdown: string) =>
  String(
    unified()
      .use(remarkParse)
      .use(remarkGfm)
      .use(remarkRehype, { allowDangerousHtml: true })
      .use(rehypeStringify, { allowDangerousHtml: true })
      .processSync(markdown),
  );

/** The rows of the first table after a heading line that contains `heading`. */
function tableAfter(markdown: string, heading: string) {
  const lines = markdown.split("\n");
  const start = lines.findIndex((line) => line.startsWith("#") && line.includes(heading));
  const table: string[] = [];
  for (const line of lines.slice(start + 1)) {
    if (line.startsWith("|")) table.push(line);
    else if (table.length > 0) break;
  }
  return table;
}

/** Splits a table row on its unescaped pipes. */
const cells = (row: string) =>
  row
    .slice(1, -1)
    .split(/(?<!\\)\|/)
    .map((cell) => cell.trim());

describe("escaping user text in the Markdown summary", () => {
  it("turns link, image and HTML syntax into literal text", () => {
    expect(escapeMarkdown("[click](https://evil.example)")).toBe(
      `\\[click\\]\\(https:${joiner}//evil.example\\)`,
    );
    expect(escapeMarkdown("![x](y)")).toBe("\\!\\[x\\]\\(y\\)");
    expect(escapeMarkdown("<img src=x onerror=alert(1)>")).toBe(
      "\\<img src=x onerror=alert\\(1\\)\\>",
    );
    expect(escapeMarkdown("&lt;script&gt;")).toBe("\\&lt;script\\&gt;");
  });

  it("keeps bare web and mail addresses from becoming links", () => {
    const html = render(
      escapeMarkdown("see http://evil.example, www.evil.example or a@evil.example"),
    );
    expect(html).not.toContain("<a ");
    // Only an invisible word joiner was added; the text reads the same.
    expect(html.replaceAll(joiner, "")).toContain(
      "see http://evil.example, www.evil.example or a@evil.example",
    );
  });

  it("escapes emphasis, code, pipes and backslashes", () => {
    expect(escapeMarkdown("*a* _b_ `c` ~d~ a|b \\")).toBe(
      "\\*a\\* \\_b\\_ \\`c\\` \\~d\\~ a\\|b \\\\",
    );
  });

  it("collapses line breaks so text can't start a heading, list or table row", () => {
    expect(escapeMarkdown("Title\n# Heading\n| a | b |")).toBe("Title \\# Heading \\| a \\| b \\|");
    expect(escapeMarkdown("  - item")).toBe("\\- item");
    expect(escapeMarkdown("+ item")).toBe("\\+ item");
    expect(escapeMarkdown("1. first")).toBe("1\\. first");
    expect(escapeMarkdown("2) second")).toBe("2\\) second");
    expect(escapeMarkdown("# top")).toBe("\\# top");
  });

  it("leaves ordinary text readable", () => {
    expect(escapeMarkdown("Resilient, scalable solutions")).toBe("Resilient, scalable solutions");
    expect(escapeMarkdown("Lin's team-work v1.2")).toBe("Lin's team-work v1.2");
  });
});

describe("Markdown tables", () => {
  it("writes a header, an alignment row and a dash for empty cells", () => {
    expect(markdownTable(["A", "B"], ["left", "right"], [["x", ""]])).toBe(
      "| A | B |\n| --- | ---: |\n| x | – |",
    );
  });
});

describe("the session summary as Markdown", () => {
  it("states the session, then each round's ranked results as a table", () => {
    const markdown = summaryMarkdown(summary(), today);
    expect(markdown.startsWith("# Spring retro\n")).toBe(true);
    expect(markdown).toContain("- **Team:** Platform");
    expect(markdown).toContain("- **Held:** 2026-03-04 (ended 2026-03-04)");
    expect(markdown).toContain("- **Took part:** 5 people");
    expect(markdown).toContain("- **Notes written:** 7");

    const dots = tableAfter(markdown, "Round 1");
    expect(markdown).toContain("### Round 1 · Dot voting · 5 ballots");
    expect(dots.map(cells)).toEqual([
      ["Rank", "Practice", "Dots"],
      ["---:", "---", "---:"],
      ["1", "Reviews and feedback **(adopted)**", "6"],
      ["=2", "Coaching", "3"],
      ["=2", "Testing", "3"],
    ]);

    const maturity = tableAfter(markdown, "Round 2");
    expect(maturity.map(cells).slice(2)).toEqual([
      ["1", "Reviews and feedback **(adopted)**", "2.0", "4.5", "+2.5"],
      ["2", "Coaching", "–", "–", "–"],
    ]);
  });

  it("lists adopted practices and the agreed actions with owner, due date, practice and status", () => {
    const markdown = summaryMarkdown(summary(), today);
    expect(markdown).toContain(
      "## Adopted practices\n\n- Reviews and feedback (adopted 2026-03-04)",
    );
    expect(tableAfter(markdown, "Actions").map(cells)).toEqual([
      ["Action", "Owner", "Due", "Practice", "Status"],
      ["---", "---", "---", "---", "---"],
      [
        "Review every PR within a day",
        "Lin",
        "2026-03-10",
        "Reviews and feedback",
        "To do (overdue)",
      ],
      ["Pair on reviews", "No owner", "No date", "Reviews and feedback", "Done"],
    ]);
    expect(markdown).toContain("Also: 2 proposals declined, 1 duplicate merged.");
    expect(markdown).toContain("Exported from Practica on 2026-03-11.");
  });

  it("keeps hostile titles and names inside their table cell, as text", () => {
    const hostile = "x | y\n| injected | row |\n[link](javascript:alert(1)) <b>bold</b>";
    const markdown = summaryMarkdown(
      summary({
        session: { ...summary().session, title: "Retro](http://evil)\n# Owned" },
        team: { id: "t1", slug: "t", name: "<script>alert(1)</script>" },
        actions: [{ ...summary().actions[0]!, title: hostile, ownerName: "Sam | Kai" }],
      }),
      today,
    );
    expect(markdown.split("\n")[0]).toBe(`# Retro\\]\\(http:${joiner}//evil\\) \\# Owned`);
    expect(markdown).toContain("- **Team:** \\<script\\>alert\\(1\\)\\</script\\>");
    expect(markdown).not.toMatch(/(?<!\\)<script>/);
    const rows = tableAfter(markdown, "Actions");
    expect(rows).toHaveLength(3);
    const row = cells(rows[2]!);
    expect(row).toHaveLength(5);
    expect(row[0]).toBe(
      "x \\| y \\| injected \\| row \\| \\[link\\]\\(javascript:alert\\(1\\)\\) \\<b\\>bold\\</b\\>",
    );
    expect(row[1]).toBe("Sam \\| Kai");
    // Rendered, it has no link or HTML of its own, and the actions table keeps one row.
    const html = render(markdown);
    expect(html).not.toMatch(/<a |<script|<b>|<img/);
    expect(html).toContain("&#x3C;script>alert(1)&#x3C;/script>");
    const actionsTable = html.slice(html.lastIndexOf("<table>"));
    expect(actionsTable.match(/<tr>/g)).toHaveLength(2);
    expect(actionsTable).toContain("x | y | injected | row | [link](javascript:alert(1))");
  });

  it("says so when nothing was revealed, adopted or agreed, and when a session is live", () => {
    const markdown = summaryMarkdown(
      summary({
        session: { ...summary().session, endedAt: null },
        rounds: [],
        unrevealedRounds: 1,
        adopted: [],
        actions: [],
        proposals: { dropped: 0, merged: 0, open: 3 },
        participants: 1,
      }),
      today,
    );
    expect(markdown).toContain("(live)");
    expect(markdown).toContain("- **Took part:** 1 person");
    expect(markdown).toContain("No voting results were revealed in this session.");
    expect(markdown).toContain("1 round was not revealed; its results stay hidden.");
    expect(markdown).toContain("No practices were adopted.");
    expect(markdown).toContain("No actions were agreed.");
    expect(markdown).toContain("Also: 3 proposals still open.");
  });
});

describe("the download's file name", () => {
  it("is the title in plain ASCII with the day the session was held", () => {
    expect(summaryFileName(summary())).toBe("spring-retro-2026-03-04-summary.md");
    expect(
      summaryFileName({ session: { ...summary().session, title: 'Rétro "Q1" / ../etc' } }),
    ).toBe("retro-q1-etc-2026-03-04-summary.md");
    expect(summaryFileName({ session: { ...summary().session, title: "🎉" } })).toBe(
      "session-2026-03-04-summary.md",
    );
  });
});
