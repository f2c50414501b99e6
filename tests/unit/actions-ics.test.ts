import ICAL from "ical.js";
import fc from "fast-check";
import { describe, expect, it } from "vitest";

import { calendarFeed, foldLine, type DueDateEvent } from "~/server/actions/ics";

const now = new Date("2026-11-25T12:34:56Z");
const event = (overrides: Partial<DueDateEvent> = {}): DueDateEvent => ({
  uid: "a1@practica",
  dueOn: "2026-12-01",
  summary: "Due: Pair on reviews",
  description: "Owner: Ada. To do.",
  url: "https://practica.example/teams/core/board",
  updatedAt: new Date("2026-11-20T08:00:00Z"),
  ...overrides,
});

/** Parses the feed with ical.js, a full RFC 5545 parser, and returns its events. */
function parseEvents(text: string) {
  const calendar = new ICAL.Component(ICAL.parse(text) as unknown[]);
  return calendar.getAllSubcomponents("vevent").map((component) => new ICAL.Event(component));
}

describe("iCalendar feed of due dates", () => {
  it("parses back as a calendar with one all-day event per due date", () => {
    const text = calendarFeed({ name: "Core — actions due", now, events: [event()] });
    const calendar = new ICAL.Component(ICAL.parse(text) as unknown[]);
    expect(calendar.getFirstPropertyValue("version")).toBe("2.0");
    expect(calendar.getFirstPropertyValue("x-wr-calname")).toBe("Core — actions due");
    const [parsed] = parseEvents(text);
    expect(parsed!.uid).toBe("a1@practica");
    expect(parsed!.summary).toBe("Due: Pair on reviews");
    expect(parsed!.startDate.isDate).toBe(true);
    expect(parsed!.startDate.toString()).toBe("2026-12-01");
    expect(parsed!.endDate.toString()).toBe("2026-12-02");
  });

  it("ends the all-day event on the next day across month and year ends", () => {
    const [parsed] = parseEvents(
      calendarFeed({ name: "x", now, events: [event({ dueOn: "2026-12-31" })] }),
    );
    expect(parsed!.endDate.toString()).toBe("2027-01-01");
  });

  it("uses CRLF line ends and no line longer than 75 octets", () => {
    const text = calendarFeed({
      name: "x",
      now,
      events: [event({ summary: "ü".repeat(100), description: "long ".repeat(60) })],
    });
    expect(text.endsWith("\r\n")).toBe(true);
    for (const line of text.split("\r\n")) {
      expect(new TextEncoder().encode(line).length).toBeLessThanOrEqual(75);
    }
    expect(text.replaceAll("\r\n", "")).not.toContain("\n");
  });

  it("keeps any title intact through escaping and folding", () => {
    fc.assert(
      fc.property(fc.string({ unit: "grapheme", maxLength: 200 }), (title) => {
        const [parsed] = parseEvents(
          calendarFeed({ name: "x", now, events: [event({ summary: title })] }),
        );
        // iCalendar has one line-break form; CR LF and lone CR come back as LF.
        expect(parsed!.summary).toBe(title.replace(/\r\n|\r/g, "\n"));
      }),
    );
  });

  it("folds without splitting a multi-byte character", () => {
    const folded = foldLine(`SUMMARY:${"€".repeat(40)}`);
    for (const part of folded.split("\r\n ")) {
      expect(() =>
        new TextDecoder("utf-8", { fatal: true }).decode(new TextEncoder().encode(part)),
      ).not.toThrow();
    }
    expect(folded.replaceAll("\r\n ", "")).toBe(`SUMMARY:${"€".repeat(40)}`);
  });

  it("writes an empty but valid calendar when nothing is due", () => {
    const text = calendarFeed({ name: "Nothing due", now, events: [] });
    expect(parseEvents(text)).toEqual([]);
  });
});
