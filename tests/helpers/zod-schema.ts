import type { z } from "zod";

import { appRouter } from "~/server/api/root";
import { hasNoNulCharacter } from "~/server/text-input";

/**
 * Reading the router's input schemas, for the tests that prove every input is bounded
 * (tests/unit/input-bounds.test.ts) and that hostile input never breaks a procedure
 * (tests/integration/hostile-input.test.ts). Zod 4 describes every schema in `_zod.def`.
 */

export type Schema = z.core.$ZodType;
export type SchemaDef = Schema["_zod"]["def"] & Record<string, unknown>;

export const defOf = (schema: Schema) => schema._zod.def as SchemaDef;

interface ProcedureDef {
  type: "query" | "mutation" | "subscription";
  inputs: Schema[];
}

/** Every procedure of the app router by its dotted path, read from the router itself. */
export function routerProcedures(): {
  path: string;
  type: ProcedureDef["type"];
  inputs: Schema[];
}[] {
  const procedures = appRouter._def.procedures as unknown as Record<string, { _def: ProcedureDef }>;
  return Object.entries(procedures).map(([path, procedure]) => ({
    path,
    type: procedure._def.type,
    inputs: procedure._def.inputs,
  }));
}

/** String formats whose pattern fixes the length, so they need no separate maximum. */
const fixedLengthFormats = new Set(["uuid", "guid", "ulid", "xid", "ksuid", "ipv4", "date"]);

const maximumChecks = new Set(["max_length", "length_equals", "max_size", "size_equals"]);

interface CheckDef {
  check?: string;
  format?: string;
  fn?: unknown;
  /** Set when the schema gives its own message instead of Zod's generic one. */
  error?: unknown;
}

const checksOf = (def: SchemaDef) =>
  ((def.checks as Schema[] | undefined) ?? []).map((check) => check._zod.def as CheckDef);

/**
 * Whether a string or array schema refuses values above some length: "bounded" with the
 * person's own message, "generic" with only Zod's default message, or "none".
 */
export function maximumOf(def: SchemaDef): "bounded" | "generic" | "none" {
  const own = def as CheckDef;
  if (def.type === "string" && fixedLengthFormats.has(def.format as string)) {
    return own.error ? "bounded" : "generic";
  }
  const maxima = checksOf(def).filter((check) => maximumChecks.has(check.check ?? ""));
  if (maxima.length === 0) return "none";
  return maxima.every((check) => check.error) ? "bounded" : "generic";
}

/** Schemas that only wrap another one: the bound is the inner schema's. */
const wrappers = new Set([
  "optional",
  "nullable",
  "default",
  "prefault",
  "readonly",
  "catch",
  "nonoptional",
  "success",
]);

/** Kinds that hold no string or collection, so they can't be unbounded. */
const scalars = new Set([
  "number",
  "int",
  "bigint",
  "boolean",
  "date",
  "enum",
  "literal",
  "null",
  "undefined",
  "void",
  "never",
  "nan",
  "transform",
]);

/**
 * Whether a string schema refuses the NUL character, which PostgreSQL text can't hold: through
 * textInput()'s refinement, or a format or pattern that only admits other characters.
 */
function refusesNul(def: SchemaDef) {
  if (typeof def.format === "string") return true;
  return checksOf(def).some(
    (check) => check.fn === hasNoNulCharacter || check.check === "string_format",
  );
}

function boundFinding(path: string, kind: string, maximum: ReturnType<typeof maximumOf>) {
  const size = kind === "string" ? "length" : "size";
  if (maximum === "none") return [`${path}: a ${kind} with no maximum ${size}`];
  if (maximum === "generic") return [`${path}: a ${kind} whose limit has no readable message`];
  return [];
}

/**
 * Every place in a schema where a string or collection has no maximum size (or only Zod's
 * generic message for it), a string accepts the NUL character, or a value of any shape is
 * accepted, as "path: reason" lines.
 */
export function unboundedFields(
  schema: Schema,
  path = "input",
  seen = new Set<Schema>(),
): string[] {
  if (seen.has(schema)) return [];
  seen.add(schema);
  const def = defOf(schema);
  const walk = (inner: unknown, at: string): string[] => unboundedFields(inner as Schema, at, seen);
  const kind = def.type;
  if (wrappers.has(kind)) return walk(def.innerType, path);
  if (scalars.has(kind)) return [];
  switch (kind) {
    case "string":
    case "array":
    case "set": {
      const own = boundFinding(path, kind, maximumOf(def));
      if (kind === "string" && !refusesNul(def)) {
        own.push(`${path}: a string that accepts the NUL character (start it with textInput())`);
      }
      const item = def.element ?? def.valueType;
      return item ? [...own, ...walk(item, `${path}[]`)] : own;
    }
    case "object": {
      const shape = def.shape as Record<string, Schema>;
      const fields = Object.entries(shape).flatMap(([key, field]) => walk(field, `${path}.${key}`));
      const catchall = def.catchall as Schema | undefined;
      const extra =
        catchall && defOf(catchall).type !== "never" ? walk(catchall, `${path}.<any key>`) : [];
      return [...fields, ...extra];
    }
    case "union":
      return (def.options as Schema[]).flatMap((option, i) => walk(option, `${path}<option ${i}>`));
    case "intersection":
      return [...walk(def.left, path), ...walk(def.right, path)];
    case "tuple": {
      const items = (def.items as Schema[]).flatMap((item, i) => walk(item, `${path}[${i}]`));
      const rest = def.rest ? [`${path}: a tuple with unbounded rest`] : [];
      return [...items, ...rest];
    }
    case "pipe": {
      // What reaches `out` already passed `in`, so `in` bounds it, unless `in` is a transform
      // (z.preprocess), which lets anything through to `out`.
      const input = def.in as Schema;
      return defOf(input).type === "transform" ? walk(def.out, path) : walk(input, path);
    }
    case "lazy":
      return walk((def.getter as () => Schema)(), path);
    case "record":
    case "map":
      return [`${path}: a ${kind} can't have a maximum number of entries`];
    default:
      return [`${path}: a ${kind} accepts input of any size`];
  }
}
