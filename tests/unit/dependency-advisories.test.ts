import { readFileSync } from "node:fs";
import path from "node:path";

import { describe, expect, it } from "vitest";

import {
  advisoryRow,
  affectedCopies,
  compareVersions,
  dependenciesTableRows,
  installedCopies,
  isAffected,
  type Lockfile,
  readAdvisoryTable,
  readLockfile,
  repoRoot,
} from "~/tests/helpers/dependency-advisories";

const table = readAdvisoryTable();
const lock = readLockfile();
const securityDoc = readFileSync(path.join(repoRoot, "docs/security.md"), "utf8");

const acceptedKey = (id: string, entryPath: string) => `${id} at ${entryPath}`;
const accepted = new Set(table.accepted.map(({ id, path }) => acceptedKey(id, path)));

describe("version order", () => {
  it("follows the SemVer precedence example, prereleases before their release", () => {
    const ascending = [
      "1.0.0-alpha",
      "1.0.0-alpha.1",
      "1.0.0-alpha.beta",
      "1.0.0-beta",
      "1.0.0-beta.2",
      "1.0.0-beta.11",
      "1.0.0-rc.1",
      "1.0.0",
      "1.0.1",
      "1.1.0",
      "2.0.0",
    ];
    for (let i = 0; i + 1 < ascending.length; i++) {
      expect(compareVersions(ascending[i]!, ascending[i + 1]!)).toBeLessThan(0);
      expect(compareVersions(ascending[i + 1]!, ascending[i]!)).toBeGreaterThan(0);
    }
  });

  it.each([
    ["5.0.0-beta.29", "5.0.0-beta.32"],
    ["5.0.0-beta.9", "5.0.0-beta.10"],
    ["4.24.15", "5.0.0-beta.0"],
    ["16.0.9", "16.0.10"],
    ["16.3.9", "16.4.1"],
    ["14.3.0-canary.76", "14.3.0-canary.77"],
    ["1.0.0-beta.20", "1.0.0"],
    ["0.9.99", "0.10.0"],
  ])("puts %s before %s", (lower, higher) => {
    expect(compareVersions(lower, higher)).toBeLessThan(0);
  });

  it("ignores build metadata and treats equal versions as equal", () => {
    expect(compareVersions("16.4.6", "16.4.6")).toBe(0);
    expect(compareVersions("1.0.0+build.7", "1.0.0")).toBe(0);
    expect(compareVersions("5.0.0-beta.32", "5.0.0-beta.32")).toBe(0);
  });

  it.each(["", "16.4", "v16.4.6", "16.04.6", "^16.4.6", "16.4.6-", "latest"])(
    "refuses %j as a version",
    (text) => expect(() => compareVersions(text, "1.0.0")).toThrow(/not a semantic version/),
  );
});

describe("affected ranges", () => {
  const ranges = [
    { introduced: "0", fixed: "4.24.15" },
    { introduced: "5.0.0-beta.0", fixed: "5.0.0-beta.32" },
  ];

  it.each(["4.24.14", "5.0.0-beta.0", "5.0.0-beta.29", "5.0.0-beta.31"])(
    "counts %s as affected",
    (version) => expect(isAffected(version, ranges)).toBe(true),
  );

  it.each(["4.24.15", "4.25.0", "5.0.0-beta.32", "5.0.0", "5.1.0"])(
    "counts %s as fixed",
    (version) => expect(isAffected(version, ranges)).toBe(false),
  );

  it("leaves out versions before the range was introduced", () => {
    expect(isAffected("15.1.9", [{ introduced: "15.2.0", fixed: "15.2.6" }])).toBe(false);
    expect(isAffected("15.2.0", [{ introduced: "15.2.0", fixed: "15.2.6" }])).toBe(true);
  });
});

describe("the lockfile check", () => {
  const nextAuthAdvisory = table.advisories.find(({ ids }) => ids.includes("GHSA-8fpg-xm3f-6cx3"));

  it("flags a fabricated lock entry below the fixed version, hoisted or nested", () => {
    const fabricated: Lockfile = {
      packages: {
        "": { version: "0.1.0" },
        "node_modules/next-auth": { version: "5.0.0-beta.29" },
        "node_modules/some-tool/node_modules/next-auth": { version: "5.0.0-beta.30" },
        "node_modules/other-tool/node_modules/next-auth": { version: "5.0.0-beta.32" },
        "node_modules/next-auth-helper": { version: "1.0.0" },
      },
    };
    expect(nextAuthAdvisory).toBeDefined();
    const findings = affectedCopies(fabricated, [nextAuthAdvisory!]);
    expect(findings.map(({ path, version }) => [path, version])).toEqual([
      ["node_modules/next-auth", "5.0.0-beta.29"],
      ["node_modules/some-tool/node_modules/next-auth", "5.0.0-beta.30"],
    ]);
    expect(findings[0]!.ids).toContain("GHSA-8fpg-xm3f-6cx3");
  });

  it("finds every copy of a package, scoped names included", () => {
    const copies = installedCopies(
      {
        packages: {
          "node_modules/@auth/core": { version: "0.41.3" },
          "node_modules/next-auth/node_modules/@auth/core": { version: "0.41.2", dev: true },
          "node_modules/@auth/core-extra": { version: "9.9.9" },
        },
      },
      "@auth/core",
    );
    expect(copies).toEqual([
      { path: "node_modules/@auth/core", version: "0.41.3", dev: false },
      { path: "node_modules/next-auth/node_modules/@auth/core", version: "0.41.2", dev: true },
    ]);
  });

  it("holds no version in an affected range, apart from the documented exceptions", () => {
    const unexpected = affectedCopies(lock, table.advisories)
      .filter(({ ids, path }) => !ids.some((id) => accepted.has(acceptedKey(id, path))))
      .map(({ package: name, version, path, ids }) => `${name} ${version} (${path}): ${ids[0]}`);
    expect(unexpected).toEqual([]);
  });

  it("accepts only dev-only copies that are still in the lockfile and still affected", () => {
    const findings = affectedCopies(lock, table.advisories);
    for (const exception of table.accepted) {
      const finding = findings.find(
        ({ ids, path }) => ids.includes(exception.id) && path === exception.path,
      );
      // A stale exception would hide the next copy that lands at the same path.
      expect(finding, acceptedKey(exception.id, exception.path)).toBeDefined();
      expect(finding!.dev, `${exception.path} ships to production`).toBe(true);
    }
  });

  it("checks the packages the app runs on", () => {
    const checked = new Set(table.advisories.flatMap(({ affected }) => Object.keys(affected)));
    for (const name of ["next", "next-auth", "@auth/core", "drizzle-orm", "@trpc/server", "zod"]) {
      expect(checked, name).toContain(name);
      expect(installedCopies(lock, name), name).not.toEqual([]);
    }
    for (const name of table.checkedWithoutFinding) {
      expect(installedCopies(lock, name), `${name} is not installed`).not.toEqual([]);
    }
  });
});

describe("docs/security.md", () => {
  it("shows exactly the advisory table of docs/security-advisories.json", () => {
    const expected = table.advisories.map((entry) => advisoryRow(entry, lock));
    const actual = dependenciesTableRows(securityDoc);
    // On a mismatch the expected rows are printed: paste them into the doc.
    expect(actual.map((cells) => `| ${cells.join(" | ")} |`)).toEqual(
      expected.map((cells) => `| ${cells.join(" | ")} |`),
    );
  });

  it("names each accepted exception and each package checked without a finding", () => {
    const start = securityDoc.indexOf("## Dependencies");
    const section = securityDoc.slice(start);
    for (const { id, path } of table.accepted) {
      expect(section).toContain(id);
      expect(section).toContain(path);
    }
    for (const name of table.checkedWithoutFinding) expect(section).toContain(`\`${name}\``);
  });
});
