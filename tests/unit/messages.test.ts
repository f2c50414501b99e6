import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";

import { parse, TYPE, type MessageFormatElement } from "@formatjs/icu-messageformat-parser";
import { describe, expect, it } from "vitest";

import { defaultLocale, locales } from "~/server/i18n/locales";

/*
 * English is the source language. Every other language must have exactly the same messages,
 * none empty, each valid ICU with the same arguments (a Spanish message that drops {name}
 * or adds {count} would show a blank or throw at run time).
 */
const messagesDir = path.join(import.meta.dirname, "../../server/i18n/messages");

type Tree = { [key: string]: string | Tree };

function load(locale: string): Map<string, string> {
  const flat = new Map<string, string>();
  const walk = (tree: Tree, prefix: string) => {
    for (const [key, value] of Object.entries(tree)) {
      const id = prefix ? `${prefix}.${key}` : key;
      if (typeof value === "string") flat.set(id, value);
      else walk(value, id);
    }
  };
  for (const file of readdirSync(path.join(messagesDir, locale)).sort()) {
    const tree = JSON.parse(readFileSync(path.join(messagesDir, locale, file), "utf8")) as Tree;
    walk(tree, file.replace(/\.json$/, ""));
  }
  return flat;
}

function argumentsOf(elements: MessageFormatElement[], into = new Set<string>()): Set<string> {
  for (const element of elements) {
    if (element.type === TYPE.literal || element.type === TYPE.pound) continue;
    if (element.type === TYPE.tag) {
      into.add(`<${element.value}>`);
      argumentsOf(element.children, into);
      continue;
    }
    into.add(element.value);
    if (element.type === TYPE.plural || element.type === TYPE.select) {
      for (const option of Object.values(element.options)) argumentsOf(option.value, into);
    }
  }
  return into;
}

const source = load(defaultLocale);

describe("messages", () => {
  it("has English messages to translate", () => {
    expect(source.size).toBeGreaterThan(20);
  });

  for (const locale of locales) {
    const messages = locale === defaultLocale ? source : load(locale);

    it(`${locale}: has exactly the English message ids`, () => {
      expect([...messages.keys()].filter((id) => !source.has(id))).toEqual([]);
      expect([...source.keys()].filter((id) => !messages.has(id))).toEqual([]);
    });

    it(`${locale}: every message is non-empty, valid ICU with the English arguments`, () => {
      const problems: string[] = [];
      for (const [id, text] of messages) {
        if (text.trim() === "") {
          problems.push(`${id}: empty`);
          continue;
        }
        try {
          const expected = [...argumentsOf(parse(source.get(id) ?? ""))].sort();
          const actual = [...argumentsOf(parse(text))].sort();
          if (expected.join() !== actual.join())
            problems.push(`${id}: arguments ${actual.join()} instead of ${expected.join()}`);
        } catch (error) {
          problems.push(`${id}: ${(error as Error).message}`);
        }
      }
      expect(problems).toEqual([]);
    });
  }

  it("English plurals say one thing and many things differently", () => {
    const withoutOne: string[] = [];
    const walk = (id: string, elements: MessageFormatElement[]) => {
      for (const element of elements) {
        if (element.type === TYPE.plural) {
          if (!("one" in element.options) && !("=1" in element.options)) withoutOne.push(id);
          for (const option of Object.values(element.options)) walk(id, option.value);
        } else if (element.type === TYPE.select) {
          for (const option of Object.values(element.options)) walk(id, option.value);
        } else if (element.type === TYPE.tag) walk(id, element.children);
      }
    };
    for (const [id, text] of source) walk(id, parse(text));
    expect(withoutOne).toEqual([]);
  });

  it("the argument check notices a dropped argument", () => {
    const english = [
      ...argumentsOf(parse("{count, plural, one {# vote by {name}} other {# votes}}")),
    ];
    const dropped = [...argumentsOf(parse("{count, plural, one {# voto} other {# votos}}"))];
    expect(english.sort()).toEqual(["count", "name"]);
    expect(dropped).toEqual(["count"]);
  });
});
