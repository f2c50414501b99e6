import fc from "fast-check";

import { defOf, type Schema, type SchemaDef } from "./zod-schema";

/**
 * fast-check inputs for any procedure, derived from its Zod input schemas: values of the right
 * shape (with ids and strings from the test's world, so calls reach the domain code), boundary
 * values, and the same values with one field swapped for something hostile.
 */

/** Values the test's world knows, by field name, so that generated ids point at real rows. */
export interface WorldHints {
  ids(field: string): string[];
  strings(field: string): string[];
  /** Timestamps the domain compares with (a draft's last save). */
  dates(field: string): Date[];
}

const oversized = "x".repeat(100_000);

/** Nested a thousand levels deep: parsers and loggers that recurse would overflow on it. */
function deeplyNested(levels: number) {
  let value: unknown = "bottom";
  for (let i = 0; i < levels; i++) value = i % 2 ? { a: value } : [value];
  return value;
}

/** Strings that break naive code: NUL, lone surrogates, direction and zero-width marks, huge. */
const hostileStrings = fc.oneof(
  fc.constantFrom(
    "",
    " \t\n ",
    "\u0000",
    "a\u0000b",
    "\u0000".repeat(1_000),
    "\uD800",
    "x\uDFFF\uD800y",
    "\u202Eevil\u202C",
    "\u200B\u200C\u200D\uFEFF",
    "\u0301\u0301\u0301",
    "🧑‍🤝‍🧑".repeat(500),
    "'; drop table users; --",
    "<script>alert(1)</script>",
    "%00%ff",
    "../../etc/passwd",
    "ＡＢＣ-ＤＥＦ",
    "__proto__",
    "NaN",
    "00000000-0000-0000-0000-000000000000",
    oversized,
    `${oversized}\u0000`,
  ),
  fc.string({ unit: "binary", maxLength: 40 }),
  fc.string({ unit: "grapheme", maxLength: 40 }),
);

/** Short text that is valid by length but awkward by content. */
const awkwardText = [
  "a\u0000b",
  "\u0000",
  "x\uD800",
  "\uDFFFy",
  "\u202Eabc\u202C",
  "\u200B\u200D\uFEFF",
  "e\u0301\u0301",
  "🧑‍🤝‍🧑",
  "%_\\",
  "  ",
];

const hostileScalars = fc.constantFrom<unknown>(
  null,
  undefined,
  true,
  false,
  0,
  -0,
  -1,
  0.5,
  NaN,
  Infinity,
  -Infinity,
  2 ** 31,
  2 ** 53,
  Number.MAX_VALUE,
  Number.MIN_SAFE_INTEGER,
  10n,
  new Date(NaN),
  new Date(8.64e15),
  new Date(-8.64e15),
  new Date("0001-01-01T00:00:00Z"),
  new Date("9999-12-31T23:59:59Z"),
);

const hostileStructures = fc.oneof(
  fc.constantFrom<unknown>(
    [],
    {},
    deeplyNested(1_000),
    Array.from({ length: 10_000 }, (_, i) => i),
    Object.fromEntries(Array.from({ length: 1_000 }, (_, i) => [`key${i}`, i])),
    JSON.parse('{"__proto__": {"polluted": true}, "constructor": {"prototype": {"x": 1}}}'),
    Object.create(null),
    new Map([["a", 1]]),
    new Set([1]),
  ),
  fc.anything({
    maxDepth: 4,
    withDate: true,
    withBigInt: true,
    withMap: true,
    withSet: true,
    withNullPrototype: true,
    withSparseArray: true,
  }),
);

export const hostileValue: fc.Arbitrary<unknown> = fc.oneof(
  { arbitrary: hostileStrings, weight: 3 },
  { arbitrary: hostileScalars, weight: 2 },
  { arbitrary: hostileStructures, weight: 2 },
);

interface Check {
  check?: string;
  value?: number;
  inclusive?: boolean;
  maximum?: number;
  minimum?: number;
  length?: number;
}

const checksOf = (def: SchemaDef) =>
  ((def.checks as Schema[] | undefined) ?? []).map((check) => check._zod.def as Check);

/** The length (or size) bounds a string or array schema declares. */
function lengthBounds(def: SchemaDef) {
  let min = 0;
  let max = 1_000;
  for (const check of checksOf(def)) {
    if (check.check === "min_length") min = check.minimum ?? min;
    if (check.check === "max_length") max = check.maximum ?? max;
    if (check.check === "length_equals") min = max = check.length ?? max;
  }
  return { min, max };
}

/** The range a number schema declares, widened a little so the bounds get tried from outside. */
function numberBounds(def: SchemaDef) {
  let min = -10;
  let max = 10_000;
  for (const check of checksOf(def)) {
    if (check.check === "greater_than") min = check.value ?? min;
    if (check.check === "less_than") max = check.value ?? max;
  }
  return { min, max };
}

function stringArbitrary(def: SchemaDef, field: string, hints: WorldHints) {
  if (def.format === "uuid" || def.format === "guid") {
    const known = hints.ids(field);
    return fc.oneof(
      ...(known.length ? [{ arbitrary: fc.constantFrom(...known), weight: 6 }] : []),
      { arbitrary: fc.uuid(), weight: 1 },
    );
  }
  const { min, max } = lengthBounds(def);
  const known = hints.strings(field);
  const short = Math.min(max, 30);
  const awkward = awkwardText.map((text) => (min > text.length ? text.padEnd(min, "x") : text));
  return fc.oneof(
    ...(known.length ? [{ arbitrary: fc.constantFrom(...known), weight: 5 }] : []),
    { arbitrary: fc.string({ minLength: Math.min(min, short), maxLength: short }), weight: 2 },
    // Within the length limits, so the text gets past length checks to the code behind them.
    { arbitrary: fc.constantFrom(...awkward.map((text) => text.slice(0, max))), weight: 2 },
    { arbitrary: fc.string({ unit: "binary", maxLength: short }), weight: 1 },
    // The boundary itself, just past it, and just past it in characters of two UTF-16 units.
    {
      arbitrary: fc.constantFrom("é".repeat(max), "e".repeat(max + 1), "😀".repeat(max + 1)),
      weight: 1,
    },
  );
}

/** Values of the shape the schema asks for, including its boundary values. */
export function validShaped(
  schema: Schema,
  hints: WorldHints,
  field = "input",
): fc.Arbitrary<unknown> {
  const def = defOf(schema);
  const inner = (next: unknown, name = field) => validShaped(next as Schema, hints, name);
  switch (def.type) {
    case "string":
      return stringArbitrary(def, field, hints);
    case "number":
    case "int": {
      const { min, max } = numberBounds(def);
      return fc.oneof(
        { arbitrary: fc.integer({ min, max: Math.min(max, min + 1_000) }), weight: 4 },
        { arbitrary: fc.constantFrom(min, max, min - 1, max + 1, min + 0.5), weight: 1 },
      );
    }
    case "boolean":
      return fc.boolean();
    case "date": {
      const known = hints.dates(field);
      return fc.oneof(
        ...(known.length ? [{ arbitrary: fc.constantFrom(...known), weight: 2 }] : []),
        {
          arbitrary: fc.date({
            min: new Date("1990-01-01"),
            max: new Date("2100-01-01"),
            noInvalidDate: true,
          }),
          weight: 1,
        },
      );
    }
    case "enum":
      return fc.constantFrom(...Object.values(def.entries as Record<string, string>));
    case "literal":
      return fc.constantFrom(...(def.values as unknown[]));
    case "null":
      return fc.constant(null);
    case "object": {
      const shape = def.shape as Record<string, Schema>;
      return fc.record(
        Object.fromEntries(Object.entries(shape).map(([key, value]) => [key, inner(value, key)])),
      );
    }
    case "array": {
      const { min, max } = lengthBounds(def);
      return fc.array(inner(def.element), { minLength: min, maxLength: Math.min(max, 6) });
    }
    case "optional":
    case "default":
    case "prefault":
      return fc.option(inner(def.innerType), { nil: undefined, freq: 3 });
    case "nullable":
      return fc.option(inner(def.innerType), { nil: null, freq: 3 });
    case "readonly":
    case "catch":
    case "nonoptional":
      return inner(def.innerType);
    case "union":
      return fc.oneof(...(def.options as Schema[]).map((option) => inner(option)));
    case "pipe": {
      const input = def.in as Schema;
      return defOf(input).type === "transform" ? inner(def.out) : inner(input);
    }
    case "lazy":
      return inner((def.getter as () => Schema)());
    default:
      return fc.anything();
  }
}

/**
 * One plain, valid-looking value of the schema: the world's first known id or string for each
 * field, numbers at their lower bound, optional parts present. The base of the examples below.
 */
export function canonical(schema: Schema, hints: WorldHints, field = "input"): unknown {
  const def = defOf(schema);
  const inner = (next: unknown, name = field) => canonical(next as Schema, hints, name);
  switch (def.type) {
    case "string": {
      if (def.format === "uuid" || def.format === "guid") return hints.ids(field)[0] ?? randomId;
      const { min, max } = lengthBounds(def);
      return hints.strings(field)[0] ?? "Plain words".padEnd(min, "s").slice(0, max);
    }
    case "number":
    case "int":
      return Math.max(numberBounds(def).min, 1);
    case "boolean":
      return true;
    case "date":
      return hints.dates(field)[0] ?? new Date();
    case "enum":
      return Object.values(def.entries as Record<string, string>)[0];
    case "literal":
      return (def.values as unknown[])[0];
    case "object":
      return Object.fromEntries(
        Object.entries(def.shape as Record<string, Schema>).map(([key, value]) => [
          key,
          inner(value, key),
        ]),
      );
    case "array":
      return Array.from({ length: lengthBounds(def).min }, () => inner(def.element));
    case "optional":
    case "default":
    case "prefault":
    case "nullable":
    case "readonly":
    case "catch":
    case "nonoptional":
      return inner(def.innerType);
    case "union":
      return inner((def.options as Schema[])[0]);
    case "pipe": {
      const input = def.in as Schema;
      return defOf(input).type === "transform" ? inner(def.out) : inner(input);
    }
    case "lazy":
      return inner((def.getter as () => Schema)());
    default:
      return null;
  }
}

const randomId = "5f0c6c1e-7a52-4c1e-9d3f-2b8e4a6d9c01";

/** The characters PostgreSQL or JavaScript string handling trip over most often. */
const textTraps = ["a\u0000b", "x\uD800y", "\u202Eabc\u200B"];

/**
 * For each string in the plain value of these input schemas, the plain value with that one
 * string replaced by each text trap: so every field meets NUL and a lone surrogate on every run,
 * whatever the random part draws.
 */
export function textTrapExamples(inputs: Schema[], hints: WorldHints): unknown[] {
  const base = Object.assign({}, ...inputs.map((schema) => canonical(schema, hints))) as object;
  const stringSlots = slotsOf(base).filter((path) => typeof valueAt(base, path) === "string");
  return [
    base,
    ...stringSlots.flatMap((path) => textTraps.map((trap) => replaceAt(base, path, trap))),
  ];
}

function valueAt(value: unknown, path: (string | number)[]): unknown {
  return path.reduce<unknown>(
    (node, key) => (node as Record<string | number, unknown> | undefined)?.[key],
    value,
  );
}

/** Every place in a value where something else could be put: the value itself and each part. */
function slotsOf(value: unknown, path: (string | number)[] = []): (string | number)[][] {
  const own = [path];
  if (Array.isArray(value)) {
    return [...own, ...value.flatMap((item, i) => slotsOf(item, [...path, i]))];
  }
  if (value && typeof value === "object" && !(value instanceof Date)) {
    return [
      ...own,
      ...Object.entries(value).flatMap(([key, item]) => slotsOf(item, [...path, key])),
    ];
  }
  return own;
}

function replaceAt(value: unknown, path: (string | number)[], replacement: unknown): unknown {
  if (path.length === 0) return replacement;
  const [head, ...rest] = path;
  const copy = (
    Array.isArray(value) ? [...(value as unknown[])] : { ...(value as object) }
  ) as Record<string | number, unknown>;
  copy[head!] = replaceAt(copy[head!], rest, replacement);
  return copy;
}

/** A value of the right shape with one part (or the whole) swapped for a hostile value. */
export function mutated(valid: fc.Arbitrary<unknown>) {
  return fc.tuple(valid, fc.nat(), hostileValue).map(([value, pick, hostile]) => {
    const slots = slotsOf(value);
    return replaceAt(value, slots[pick % slots.length]!, hostile);
  });
}

/**
 * Inputs for a procedure with these input schemas (a base's and its own, merged like tRPC merges
 * them): valid-shaped ones, one field mutated, extra junk keys, and wholly hostile ones.
 */
export function procedureInputs(inputs: Schema[], hints: WorldHints): fc.Arbitrary<unknown> {
  if (inputs.length === 0) {
    return fc.oneof(fc.constant(undefined), hostileValue);
  }
  const parts = inputs.map((schema) => validShaped(schema, hints));
  const valid = fc
    .tuple(...parts)
    .map((values: unknown[]): unknown =>
      values.every((v) => v && typeof v === "object")
        ? (Object.assign({}, ...values) as object)
        : values.at(-1),
    );
  const withJunkKeys = fc
    .tuple(valid, fc.dictionary(fc.string({ maxLength: 10 }), hostileValue, { maxKeys: 3 }))
    .map(([value, junk]) => (value && typeof value === "object" ? { ...junk, ...value } : value));
  return fc.oneof(
    { arbitrary: valid, weight: 4 },
    { arbitrary: mutated(valid), weight: 4 },
    { arbitrary: withJunkKeys, weight: 1 },
    { arbitrary: hostileValue, weight: 1 },
  );
}
