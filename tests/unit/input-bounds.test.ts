import { describe, expect, it } from "vitest";
import { z } from "zod";

import { textInput } from "~/server/text-input";

import { routerProcedures, unboundedFields } from "../helpers/zod-schema";

/**
 * Every string a procedure accepts has a maximum length and every list a maximum size, each with a
 * message a person can act on, so no request can make the server hold, hash, compare or store an
 * arbitrarily large value; and every free-text string refuses the NUL character, which PostgreSQL
 * can't store (it would fail the query as an internal error). The procedures are read from the
 * router itself: a new procedure with an unbounded field fails here.
 */

describe("the bounds check itself", () => {
  it("names unbounded strings, arrays and records, limits without a message, and NUL, by path", () => {
    const schema = z.object({
      title: textInput().trim().min(1),
      tags: z.array(textInput().max(10)),
      nested: z.object({ notes: z.array(textInput()).max(3).optional() }),
      extra: z.record(textInput().max(5, "Short keys."), z.number()),
      choice: z.union([z.uuid("Not an id."), textInput()]),
      anything: z.unknown(),
      quiet: textInput().max(10),
      anonymousId: z.uuid(),
      raw: z.string().max(10, "Short."),
    });
    expect(unboundedFields(schema)).toEqual([
      "input.title: a string with no maximum length",
      "input.tags: a array with no maximum size",
      "input.tags[]: a string whose limit has no readable message",
      "input.nested.notes: a array whose limit has no readable message",
      "input.nested.notes[]: a string with no maximum length",
      "input.extra: a record can't have a maximum number of entries",
      "input.choice<option 1>: a string with no maximum length",
      "input.anything: a unknown accepts input of any size",
      "input.quiet: a string whose limit has no readable message",
      "input.anonymousId: a string whose limit has no readable message",
      "input.raw: a string that accepts the NUL character (start it with textInput())",
    ]);
  });

  it("accepts bounded text, ids, patterns, lists, pipes and wrappers", () => {
    const schema = z.object({
      id: z.uuid("Not an id."),
      email: textInput().max(254, "Too long.").pipe(z.email()),
      code: textInput().length(6, "Six characters.").nullish(),
      day: z
        .string()
        .max(10, "A day.")
        .regex(/^\d{4}-\d{2}-\d{2}$/),
      tags: z.array(textInput().max(10, "Short tags.")).max(5, "Five tags.").default([]),
      kind: z.discriminatedUnion("type", [
        z.object({ type: z.literal("a"), n: z.number() }),
        z.object({ type: z.literal("b"), at: z.date() }),
      ]),
    });
    expect(unboundedFields(schema)).toEqual([]);
  });

  it("textInput refuses the NUL character with a readable message, and keeps other marks", () => {
    const result = textInput().max(10, "Short.").safeParse("a\u0000b");
    expect(result.error?.issues.map((issue) => issue.message)).toEqual([
      "The text holds an invisible NUL character (U+0000) that can't be saved: remove it.",
    ]);
    expect(textInput().parse("\u202Eok\u200B")).toBe("\u202Eok\u200B");
  });

  it("textInput turns half a surrogate pair into U+FFFD, which PostgreSQL's jsonb accepts", () => {
    expect(textInput().max(10, "Short.").parse("x\uD800y\uDE00")).toBe("x\uFFFDy\uFFFD");
    expect(textInput().parse("🧑‍🤝‍🧑")).toBe("🧑‍🤝‍🧑");
  });
});

describe("every procedure's input is bounded", () => {
  const procedures = routerProcedures();

  it("reads the procedures from the router", () => {
    expect(procedures.length).toBeGreaterThan(50);
    expect(procedures.map((p) => p.path)).toContain("voting.cast");
  });

  it.each(procedures.map((p) => [p.path, p] as const))("%s", (path, procedure) => {
    const findings = procedure.inputs.flatMap((schema) => unboundedFields(schema));
    expect(findings.map((finding) => `${path} ${finding}`)).toEqual([]);
  });
});
