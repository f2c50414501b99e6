/**
 * What changed between two versions of a workshop: essay text by line, practices by identity,
 * prompts by text. Pure functions with no server imports, so they are unit tested directly and
 * could run in the browser.
 */

export interface VersionContent {
  title: string;
  markdown: string;
  practices: { practiceId: string; title: string; description: string }[];
  prompts: { text: string; practiceId: string | null }[];
}

export interface LineChange {
  kind: "same" | "added" | "removed";
  text: string;
}

export interface PracticeChange {
  practiceId: string;
  change: "added" | "removed" | "edited" | "unchanged";
  /** The title in the later version (the last title, for a removed practice). */
  title: string;
  /** The earlier title when the practice was renamed, else null. */
  previousTitle: string | null;
  descriptionChanged: boolean;
  /** Moved relative to the practices both versions share, not just shifted by an insert. */
  moved: boolean;
}

export interface VersionDiff {
  title: { before: string; after: string } | null;
  lines: LineChange[];
  practices: PracticeChange[];
  prompts: LineChange[];
}

/** Past this many cells the quadratic table costs too much; the middle is shown replaced. */
const maxTableCells = 4_000_000;

/** The longest common subsequence of two lists, as pairs of indexes, in order. */
function commonSubsequence<T>(a: readonly T[], b: readonly T[]): [number, number][] {
  const n = a.length;
  const m = b.length;
  if (n === 0 || m === 0 || n * m > maxTableCells) return [];
  // lengths[i][j] = LCS length of a[i..] and b[j..], in one flat array.
  const width = m + 1;
  const lengths = new Uint32Array((n + 1) * width);
  for (let i = n - 1; i >= 0; i--) {
    for (let j = m - 1; j >= 0; j--) {
      lengths[i * width + j] =
        a[i] === b[j]
          ? lengths[(i + 1) * width + j + 1]! + 1
          : Math.max(lengths[(i + 1) * width + j]!, lengths[i * width + j + 1]!);
    }
  }
  const pairs: [number, number][] = [];
  let i = 0;
  let j = 0;
  while (i < n && j < m) {
    if (a[i] === b[j]) {
      pairs.push([i, j]);
      i++;
      j++;
    } else if (lengths[(i + 1) * width + j]! >= lengths[i * width + j + 1]!) i++;
    else j++;
  }
  return pairs;
}

/** A line-by-line diff: unchanged lines, and removed lines before the added ones replacing them. */
export function diffSequences(before: readonly string[], after: readonly string[]): LineChange[] {
  // Edits are usually local: matching the common ends first keeps the table small.
  let start = 0;
  while (start < before.length && start < after.length && before[start] === after[start]) start++;
  let endBefore = before.length;
  let endAfter = after.length;
  while (endBefore > start && endAfter > start && before[endBefore - 1] === after[endAfter - 1]) {
    endBefore--;
    endAfter--;
  }
  const middleBefore = before.slice(start, endBefore);
  const middleAfter = after.slice(start, endAfter);
  const changes: LineChange[] = before.slice(0, start).map((text) => ({ kind: "same", text }));
  let i = 0;
  let j = 0;
  for (const [pi, pj] of [
    ...commonSubsequence(middleBefore, middleAfter),
    [middleBefore.length, middleAfter.length] as [number, number],
  ]) {
    for (; i < pi; i++) changes.push({ kind: "removed", text: middleBefore[i]! });
    for (; j < pj; j++) changes.push({ kind: "added", text: middleAfter[j]! });
    if (pi < middleBefore.length) changes.push({ kind: "same", text: middleBefore[pi]! });
    i = pi + 1;
    j = pj + 1;
  }
  for (const text of before.slice(endBefore)) changes.push({ kind: "same", text });
  return changes;
}

export function diffLines(before: string, after: string): LineChange[] {
  const split = (text: string) => (text === "" ? [] : text.replace(/\r\n?/g, "\n").split("\n"));
  return diffSequences(split(before), split(after));
}

/**
 * Practices compared by identity, not by wording: a renamed practice is the same practice (its
 * adoption history follows it), and a removed one that comes back under the same title is new.
 */
export function diffPractices(
  before: VersionContent["practices"],
  after: VersionContent["practices"],
): PracticeChange[] {
  const earlier = new Map(before.map((p) => [p.practiceId, p]));
  const later = new Set(after.map((p) => p.practiceId));
  const sharedBefore = before.filter((p) => later.has(p.practiceId)).map((p) => p.practiceId);
  const sharedAfter = after.filter((p) => earlier.has(p.practiceId)).map((p) => p.practiceId);
  const inPlace = new Set(
    commonSubsequence(sharedBefore, sharedAfter).map(([i]) => sharedBefore[i]!),
  );

  const changes: PracticeChange[] = after.map((practice) => {
    const previous = earlier.get(practice.practiceId);
    if (!previous) {
      return {
        practiceId: practice.practiceId,
        change: "added",
        title: practice.title,
        previousTitle: null,
        descriptionChanged: false,
        moved: false,
      };
    }
    const renamed = previous.title !== practice.title;
    const descriptionChanged = previous.description !== practice.description;
    const moved = !inPlace.has(practice.practiceId);
    return {
      practiceId: practice.practiceId,
      change: renamed || descriptionChanged || moved ? "edited" : "unchanged",
      title: practice.title,
      previousTitle: renamed ? previous.title : null,
      descriptionChanged,
      moved,
    };
  });
  for (const practice of before) {
    if (!later.has(practice.practiceId)) {
      changes.push({
        practiceId: practice.practiceId,
        change: "removed",
        title: practice.title,
        previousTitle: null,
        descriptionChanged: false,
        moved: false,
      });
    }
  }
  return changes;
}

/** Everything that changed from one version to another. */
export function diffVersions(before: VersionContent, after: VersionContent): VersionDiff {
  const titleOf = (content: VersionContent, practiceId: string | null) =>
    practiceId === null
      ? ""
      : ` (about “${content.practices.find((p) => p.practiceId === practiceId)?.title ?? "a removed practice"}”)`;
  const promptLines = (content: VersionContent) =>
    content.prompts.map((p) => p.text + titleOf(content, p.practiceId));
  return {
    title: before.title === after.title ? null : { before: before.title, after: after.title },
    lines: diffLines(before.markdown, after.markdown),
    practices: diffPractices(before.practices, after.practices),
    prompts: diffSequences(promptLines(before), promptLines(after)),
  };
}

/** True when nothing at all differs, so publishing would make a duplicate version. */
export function isUnchanged(diff: VersionDiff) {
  return (
    diff.title === null &&
    diff.lines.every((l) => l.kind === "same") &&
    diff.prompts.every((l) => l.kind === "same") &&
    diff.practices.every((p) => p.change === "unchanged")
  );
}
