import { describe, expect, it } from "vitest";

import type { EssayDraft } from "~/db/schema/content";
import {
  moveItem,
  removePractice,
  toEditorDraft,
  toEssayDraft,
} from "~/server/content/draft-edits";

function keys() {
  let n = 0;
  return () => `k${++n}`;
}

const draft: EssayDraft = {
  title: "Leadership",
  markdown: "Text",
  practices: [
    { practiceId: "id-a", title: "Reviews", description: "" },
    { practiceId: "id-b", title: "Coaching", description: "" },
    { practiceId: null, title: "Standards", description: "" },
  ],
  prompts: [
    { text: "General", practiceIndex: null },
    { text: "About coaching", practiceIndex: 1 },
    { text: "About standards", practiceIndex: 2 },
  ],
};

describe("practice identity through editing", () => {
  it("round-trips a draft unchanged", () => {
    expect(toEssayDraft(toEditorDraft(draft, keys()))).toEqual(draft);
  });

  it("keeps each practice's identity and its prompts when practices are reordered", () => {
    const editor = toEditorDraft(draft, keys());
    const moved = toEssayDraft({ ...editor, practices: moveItem(editor.practices, 2, 0) });
    expect(moved.practices.map((p) => [p.practiceId, p.title])).toEqual([
      [null, "Standards"],
      ["id-a", "Reviews"],
      ["id-b", "Coaching"],
    ]);
    // The prompts follow their practices to their new positions.
    expect(moved.prompts).toEqual([
      { text: "General", practiceIndex: null },
      { text: "About coaching", practiceIndex: 2 },
      { text: "About standards", practiceIndex: 0 },
    ]);
  });

  it("keeps the identity of a renamed practice", () => {
    const editor = toEditorDraft(draft, keys());
    const renamed = toEssayDraft({
      ...editor,
      practices: editor.practices.map((p) =>
        p.practiceId === "id-b" ? { ...p, title: "Mentoring", description: "Teach." } : p,
      ),
    });
    expect(renamed.practices[1]).toEqual({
      practiceId: "id-b",
      title: "Mentoring",
      description: "Teach.",
    });
  });

  it("drops a removed practice's identity and unties its prompts instead of retying them", () => {
    const editor = toEditorDraft(draft, keys());
    const removed = toEssayDraft(removePractice(editor, editor.practices[1]!.key));
    expect(removed.practices.map((p) => p.practiceId)).toEqual(["id-a", null]);
    expect(removed.prompts).toEqual([
      { text: "General", practiceIndex: null },
      { text: "About coaching", practiceIndex: null },
      { text: "About standards", practiceIndex: 1 },
    ]);
  });

  it("ignores moves out of range", () => {
    expect(moveItem(["a", "b"], 0, 2)).toEqual(["a", "b"]);
    expect(moveItem(["a", "b"], -1, 0)).toEqual(["a", "b"]);
    expect(moveItem(["a", "b", "c"], 0, 2)).toEqual(["b", "c", "a"]);
  });
});
