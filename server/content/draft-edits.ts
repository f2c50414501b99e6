import type { EssayDraft } from "~/db/schema/content";

/**
 * The editor's working copy of a draft. Prompts point at practices by a key, not by position,
 * so reordering or removing practices can't leave a prompt tied to the wrong one; positions are
 * only worked out again when the draft is saved. Pure functions, used by the editor in the
 * browser and unit tested.
 */
export interface EditorPractice {
  /** Stable within one editing session (React key, prompt ties); never saved. */
  key: string;
  /** The practice's identity across versions; null until its first publish. */
  practiceId: string | null;
  title: string;
  description: string;
}

export interface EditorPrompt {
  key: string;
  text: string;
  practiceKey: string | null;
}

export interface EditorDraft {
  title: string;
  markdown: string;
  practices: EditorPractice[];
  prompts: EditorPrompt[];
}

export function toEditorDraft(draft: EssayDraft, newKey: () => string): EditorDraft {
  const practices = draft.practices.map((p) => ({ ...p, key: newKey() }));
  return {
    title: draft.title,
    markdown: draft.markdown,
    practices,
    prompts: draft.prompts.map((p) => ({
      key: newKey(),
      text: p.text,
      practiceKey: p.practiceIndex === null ? null : (practices[p.practiceIndex]?.key ?? null),
    })),
  };
}

export function toEssayDraft(editor: EditorDraft): EssayDraft {
  const position = new Map(editor.practices.map((p, i) => [p.key, i]));
  return {
    title: editor.title,
    markdown: editor.markdown,
    practices: editor.practices.map(({ practiceId, title, description }) => ({
      practiceId,
      title,
      description,
    })),
    prompts: editor.prompts.map((p) => ({
      text: p.text,
      practiceIndex: p.practiceKey === null ? null : (position.get(p.practiceKey) ?? null),
    })),
  };
}

/** Moves one item to another position; out-of-range moves change nothing. */
export function moveItem<T>(items: readonly T[], from: number, to: number): T[] {
  if (from === to || from < 0 || to < 0 || from >= items.length || to >= items.length) {
    return [...items];
  }
  const next = [...items];
  const [moved] = next.splice(from, 1);
  next.splice(to, 0, moved!);
  return next;
}

/** Removes a practice; prompts about it stay, about the workshop as a whole. */
export function removePractice(editor: EditorDraft, key: string): EditorDraft {
  return {
    ...editor,
    practices: editor.practices.filter((p) => p.key !== key),
    prompts: editor.prompts.map((p) => (p.practiceKey === key ? { ...p, practiceKey: null } : p)),
  };
}
