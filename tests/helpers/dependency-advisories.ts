import { readFileSync } from "node:fs";
import path from "node:path";

import { z } from "zod";

/**
 * The dependency check behind tests/unit/dependency-advisories.test.ts: the registry reachable
 * here does not answer `npm audit`, so docs/security-advisories.json lists the advisories that
 * matter to us and this module tells which lockfile entries fall in an affected range.
 *
 * Versions are compared by the SemVer 2.0.0 precedence rules (prereleases included, build
 * metadata ignored), written out here because `semver` is only a transitive dependency.
 */

export const repoRoot = path.resolve(import.meta.dirname, "../..");

// ---------------------------------------------------------------------------------------------
// Versions

interface Version {
  release: [number, number, number];
  prerelease: (number | string)[];
}

const versionPattern =
  /^(0|[1-9]\d*)\.(0|[1-9]\d*)\.(0|[1-9]\d*)(?:-([0-9A-Za-z-]+(?:\.[0-9A-Za-z-]+)*))?(?:\+[0-9A-Za-z.-]+)?$/;

export function parseVersion(text: string): Version {
  const match = versionPattern.exec(text);
  if (!match) throw new Error(`"${text}" is not a semantic version.`);
  const [, major, minor, patch, prerelease] = match;
  return {
    release: [Number(major), Number(minor), Number(patch)],
    prerelease: prerelease
      ? prerelease.split(".").map((part) => (/^\d+$/.test(part) ? Number(part) : part))
      : [],
  };
}

function compareIdentifiers(a: number | string, b: number | string): number {
  if (typeof a === "number" && typeof b === "number") return Math.sign(a - b);
  // Numeric identifiers always have lower precedence than alphanumeric ones.
  if (typeof a === "number") return -1;
  if (typeof b === "number") return 1;
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Negative when a comes before b, positive after, 0 when they have the same precedence. */
export function compareVersions(a: string, b: string): number {
  const left = parseVersion(a);
  const right = parseVersion(b);
  for (let i = 0; i < 3; i++) {
    const difference = left.release[i]! - right.release[i]!;
    if (difference !== 0) return Math.sign(difference);
  }
  // A release comes after all of its prereleases.
  if (left.prerelease.length === 0 || right.prerelease.length === 0) {
    return Math.sign(right.prerelease.length - left.prerelease.length);
  }
  const length = Math.max(left.prerelease.length, right.prerelease.length);
  for (let i = 0; i < length; i++) {
    const l = left.prerelease[i];
    const r = right.prerelease[i];
    // A shorter set of identifiers comes first when all the preceding ones are equal.
    if (l === undefined) return -1;
    if (r === undefined) return 1;
    const order = compareIdentifiers(l, r);
    if (order !== 0) return order;
  }
  return 0;
}

// ---------------------------------------------------------------------------------------------
// The advisory table

const versionText = z.string().refine((text) => versionPattern.test(text), "not a version");

const range = z
  .strictObject({ introduced: z.union([z.literal("0"), versionText]), fixed: versionText })
  .refine(
    ({ introduced, fixed }) => introduced === "0" || compareVersions(introduced, fixed) < 0,
    "a range must be introduced before it is fixed",
  );
export type AffectedRange = z.infer<typeof range>;

const advisoryId = z.string().regex(/^(GHSA(-[23456789cfghjmpqrvwx]{4}){3}|CVE-\d{4}-\d{4,})$/);

const advisory = z.strictObject({
  ids: z.array(advisoryId).min(1),
  impact: z
    .string()
    .min(20)
    .refine((text) => !text.includes("|"), "no | in a table cell"),
  affected: z.record(z.string(), z.array(range).min(1)),
  sources: z.array(z.url()).min(1),
});
export type Advisory = z.infer<typeof advisory>;

const advisoryTable = z.strictObject({
  about: z.string(),
  advisories: z.array(advisory).min(1),
  accepted: z.array(z.strictObject({ id: advisoryId, path: z.string(), reason: z.string() })),
  checkedWithoutFinding: z.array(z.string()),
});
export type AdvisoryTable = z.infer<typeof advisoryTable>;

export function readAdvisoryTable(): AdvisoryTable {
  const text = readFileSync(path.join(repoRoot, "docs/security-advisories.json"), "utf8");
  return advisoryTable.parse(JSON.parse(text));
}

export function isAffected(version: string, ranges: AffectedRange[]): boolean {
  return ranges.some(
    ({ introduced, fixed }) =>
      (introduced === "0" || compareVersions(version, introduced) >= 0) &&
      compareVersions(version, fixed) < 0,
  );
}

// ---------------------------------------------------------------------------------------------
// The lockfile

export interface Lockfile {
  packages: Record<string, { version?: string; dev?: boolean; link?: boolean }>;
}

export function readLockfile(): Lockfile {
  return JSON.parse(readFileSync(path.join(repoRoot, "package-lock.json"), "utf8")) as Lockfile;
}

export interface InstalledCopy {
  path: string;
  version: string;
  dev: boolean;
}

/** Every copy of a package in the lockfile, hoisted or nested under another package. */
export function installedCopies(lock: Lockfile, name: string): InstalledCopy[] {
  const copies: InstalledCopy[] = [];
  for (const [entryPath, entry] of Object.entries(lock.packages)) {
    const isCopy =
      entryPath === `node_modules/${name}` || entryPath.endsWith(`/node_modules/${name}`);
    if (!isCopy) continue;
    // A link entry has no version of its own; its target is listed under its own path.
    if (entry.link) continue;
    if (!entry.version) throw new Error(`${entryPath} has no version in package-lock.json.`);
    copies.push({ path: entryPath, version: entry.version, dev: entry.dev === true });
  }
  return copies;
}

export interface Finding extends InstalledCopy {
  package: string;
  ids: string[];
}

/** Every lockfile entry that falls in an affected range of an advisory. */
export function affectedCopies(lock: Lockfile, advisories: Advisory[]): Finding[] {
  return advisories.flatMap(({ ids, affected }) =>
    Object.entries(affected).flatMap(([name, ranges]) =>
      installedCopies(lock, name)
        .filter((copy) => isAffected(copy.version, ranges))
        .map((copy) => ({ ...copy, package: name, ids })),
    ),
  );
}

// ---------------------------------------------------------------------------------------------
// The table in docs/security.md, rendered from the JSON and read back

export const dependenciesHeading =
  "## Dependencies: advisories that matter and the versions that fix them";

const code = (text: string) => `\`${text}\``;

function rangeText({ introduced, fixed }: AffectedRange): string {
  return introduced === "0" ? code(`<${fixed}`) : code(`>=${introduced} <${fixed}`);
}

/** One value per package, prefixed by the package's name when the row covers several. */
function perPackage(names: string[], valueOf: (name: string) => string): string {
  if (names.length === 1) return valueOf(names[0]!);
  return names.map((name) => `${name}: ${valueOf(name)}`).join("; ");
}

/** The cells of an advisory's row: package, advisory, impact, affected, fixed in, we pin. */
export function advisoryRow(entry: Advisory, lock: Lockfile): string[] {
  const names = Object.keys(entry.affected);
  const rangesOf = (name: string) => entry.affected[name]!;
  const pinned = (name: string) => {
    const versions = [...new Set(installedCopies(lock, name).map((copy) => copy.version))];
    versions.sort(compareVersions);
    return versions.length ? versions.map(code).join(", ") : "not installed";
  };
  return [
    names.map(code).join(", "),
    entry.ids.join(", "),
    entry.impact,
    perPackage(names, (name) => rangesOf(name).map(rangeText).join(", ")),
    perPackage(names, (name) =>
      rangesOf(name)
        .map(({ fixed }) => code(fixed))
        .join(", "),
    ),
    perPackage(names, pinned),
  ];
}

/** The body rows of the table in the Dependencies section, cell by cell. */
export function dependenciesTableRows(markdown: string): string[][] {
  const start = markdown.indexOf(dependenciesHeading);
  if (start === -1) throw new Error(`docs/security.md has no "${dependenciesHeading}" section.`);
  const rest = markdown.slice(start + dependenciesHeading.length);
  const end = rest.search(/^## /m);
  const section = end === -1 ? rest : rest.slice(0, end);
  const tableLines = section
    .split("\n")
    .map((line) => line.trim())
    .filter((line) => line.startsWith("|"));
  // The first line is the header, the second the |---| separator.
  return tableLines.slice(2).map((line) =>
    line
      .slice(1, -1)
      .split(" | ")
      .map((cell) => cell.trim()),
  );
}
