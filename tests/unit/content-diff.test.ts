import { describe, expect, it } from "vitest";

import {
  diffLines,
  diffPractices,
  diffVersions,
  isUnchanged,
  type VersionContent,
} from "~/server/content/diff";

const practice = (practiceId: string, title: string, description = `${title}.`) => ({
  practiceId,
  title,
  description,
});

const version: VersionContent = {
  title: "Leadership",
  markdown: "# Leadership\n\nFirst paragraph.\n\nSecond paragraph.\n",
  practices: [practice("a", "Reviews"), practice("b", "Coaching"), practice("c", "Standards")],
  prompts: [
    { text: "What do we do well?", practiceId: null },
    { text: "When did a review help?", practiceId: "a" },
  ],
};

describe("line diff of essay text", () => {
  it("keeps unchanged lines and shows a replaced line as removed then added", () => {
    const changes = diffLines("one\ntwo\nthree", "one\n2\nthree");
    expect(changes).toEqual([
      { kind: "same", text: "one" },
      { kind: "removed", text: "two" },
      { kind: "added", text: "2" },
      { kind: "same", text: "three" },
    ]);
  });

  it("finds lines inserted and removed in the middle of a long text", () => {
    const before = Array.from({ length: 200 }, (_, i) => `line ${i}`);
    const after = [
      ...before.slice(0, 50),
      "new line",
      ...before.slice(50, 120),
      ...before.slice(121),
    ];
    const changes = diffLines(before.join("\n"), after.join("\n"));
    expect(changes.filter((c) => c.kind === "added")).toEqual([
      { kind: "added", text: "new line" },
    ]);
    expect(changes.filter((c) => c.kind === "removed")).toEqual([
      { kind: "removed", text: "line 120" },
    ]);
    expect(changes.filter((c) => c.kind === "same")).toHaveLength(199);
  });

  it("treats Windows line endings like Unix ones and an empty text as no lines", () => {
    expect(diffLines("a\r\nb", "a\nb").every((c) => c.kind === "same")).toBe(true);
    expect(diffLines("", "a\nb")).toEqual([
      { kind: "added", text: "a" },
      { kind: "added", text: "b" },
    ]);
    expect(diffLines("a", "")).toEqual([{ kind: "removed", text: "a" }]);
  });

  it("stays fast and complete on the largest essay allowed", () => {
    const before = Array.from({ length: 5000 }, (_, i) => `paragraph ${i} ${"x".repeat(12)}`);
    const after = before.map((line, i) => (i % 2 === 0 ? `${line} edited` : line));
    const started = performance.now();
    const changes = diffLines(before.join("\n"), after.join("\n"));
    expect(performance.now() - started).toBeLessThan(2000);
    expect(changes.filter((c) => c.kind !== "added").map((c) => c.text)).toEqual(before);
    expect(changes.filter((c) => c.kind !== "removed").map((c) => c.text)).toEqual(after);
  });
});

describe("practice diff by identity", () => {
  it("calls a practice with the same identity and a new title renamed, not removed and added", () => {
    const changes = diffPractices(version.practices, [
      practice("a", "Reviews and feedback", "Reviews."),
      version.practices[1]!,
      version.practices[2]!,
    ]);
    expect(changes[0]).toMatchObject({
      practiceId: "a",
      change: "edited",
      title: "Reviews and feedback",
      previousTitle: "Reviews",
      descriptionChanged: false,
      moved: false,
    });
    expect(changes.filter((c) => c.change === "unchanged")).toHaveLength(2);
  });

  it("calls a practice with a new identity added even when its title matches a removed one", () => {
    const changes = diffPractices(version.practices, [
      version.practices[0]!,
      version.practices[1]!,
      practice("d", "Standards"),
    ]);
    expect(changes.find((c) => c.practiceId === "d")).toMatchObject({ change: "added" });
    expect(changes.find((c) => c.practiceId === "c")).toMatchObject({
      change: "removed",
      title: "Standards",
    });
  });

  it("marks only the practice that moved, not the ones an insertion shifted", () => {
    const [a, b, c] = version.practices;
    const changes = diffPractices(version.practices, [practice("n", "New"), c!, a!, b!]);
    expect(changes.filter((x) => x.moved).map((x) => x.practiceId)).toEqual(["c"]);
    expect(changes.find((x) => x.practiceId === "n")).toMatchObject({ change: "added" });
  });

  it("notices a changed description", () => {
    const changes = diffPractices(version.practices, [
      practice("a", "Reviews", "Every change is reviewed."),
    ]);
    expect(changes[0]).toMatchObject({
      change: "edited",
      descriptionChanged: true,
      previousTitle: null,
    });
    expect(changes.filter((x) => x.change === "removed").map((x) => x.practiceId)).toEqual([
      "b",
      "c",
    ]);
  });
});

describe("version diff", () => {
  it("reports nothing for identical versions", () => {
    expect(isUnchanged(diffVersions(version, structuredClone(version)))).toBe(true);
  });

  it("reports a new title, text, and a prompt retied to a renamed practice", () => {
    const after: VersionContent = {
      ...version,
      title: "Technical leadership",
      markdown: version.markdown.replace("Second", "Last"),
      practices: [practice("a", "Peer review"), version.practices[1]!, version.practices[2]!],
    };
    const diff = diffVersions(version, after);
    expect(diff.title).toEqual({ before: "Leadership", after: "Technical leadership" });
    expect(diff.lines.filter((l) => l.kind !== "same")).toEqual([
      { kind: "removed", text: "Second paragraph." },
      { kind: "added", text: "Last paragraph." },
    ]);
    expect(diff.prompts.filter((l) => l.kind !== "same")).toEqual([
      { kind: "removed", text: "When did a review help? (about “Reviews”)" },
      { kind: "added", text: "When did a review help? (about “Peer review”)" },
    ]);
    expect(isUnchanged(diff)).toBe(false);
  });
});
