import { parse as parseCsv } from "csv-parse/sync";
import fc from "fast-check";
import { describe, expect, it } from "vitest";

import { actionCsvHeader, actionsCsv, csvField, toCsv } from "~/server/actions/csv";

/** A real RFC 4180 parser reads our output back. */
const parse = (text: string, options = {}): string[][] => parseCsv(text, options);

describe("CSV of actions", () => {
  it("quotes commas, quotes and line breaks so a parser reads the same fields back", () => {
    const rows = [
      ["plain", 'say "hi"', "a, b", "line\nbreak", "crlf\r\nbreak", ""],
      ["  padded  ", "ünïcödé ✓", "tab\tinside", '"', ",", "\n"],
    ];
    expect(parse(toCsv(rows), { relax_column_count: false })).toEqual(rows);
  });

  it("doubles quotes inside a quoted field and leaves plain fields bare", () => {
    expect(csvField('say "hi"')).toBe('"say ""hi"""');
    expect(csvField("plain")).toBe("plain");
    expect(csvField(null)).toBe("");
  });

  it("ends every record with CRLF, as RFC 4180 says", () => {
    expect(
      toCsv([
        ["a", "b"],
        ["c", "d"],
      ]),
    ).toBe("a,b\r\nc,d\r\n");
  });

  it("turns cells a spreadsheet would run as formulas into text", () => {
    for (const formula of ["=1+1", "+1", "-1", "@SUM(A1)", '=HYPERLINK("http://x")']) {
      const cell = parse(toCsv([[formula]]))[0]?.[0];
      expect(cell).toBe(`'${formula}`);
    }
  });

  it("round-trips any text through a real CSV parser", () => {
    fc.assert(
      fc.property(
        fc.array(fc.array(fc.string({ unit: "grapheme" }), { minLength: 1, maxLength: 5 }), {
          minLength: 1,
          maxLength: 5,
        }),
        (rows) => {
          const width = rows[0]!.length;
          const table = rows.map((row) => Array.from({ length: width }, (_, i) => row[i] ?? ""));
          const parsed = parse(toCsv(table));
          const unguard = (cell: string, original: string) =>
            /^[=+\-@\t\r]/.test(original) ? cell.slice(1) : cell;
          expect(
            parsed.map((row, r) => row.map((cell, c) => unguard(cell, table[r]![c]!))),
          ).toEqual(table);
        },
      ),
    );
  });

  it("writes a header and one row per action with readable status words", () => {
    const csv = actionsCsv([
      {
        title: "Pair on reviews, weekly",
        status: "doing",
        ownerName: "Ada",
        dueOn: "2026-12-01",
        practiceTitle: "Reviews and feedback",
        sessionTitle: "Q4 workshop",
        createdAt: new Date("2026-11-18T09:00:00Z"),
        completedAt: null,
      },
    ]);
    const [header, row] = parse(csv);
    expect(header).toEqual([...actionCsvHeader]);
    expect(row).toEqual([
      "Pair on reviews, weekly",
      "Doing",
      "Ada",
      "2026-12-01",
      "Reviews and feedback",
      "Q4 workshop",
      "2026-11-18T09:00:00.000Z",
      "",
    ]);
  });
});
