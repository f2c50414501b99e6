"use client";

import type { EditorPractice, EditorPrompt } from "~/server/content/draft-edits";
import { contentLimits } from "~/server/content/draft-input";

import { buttonClass, inputClass } from "../../../../_components/ui";

/** Discussion prompts, each about the workshop as a whole or about one practice. */
export function PromptList({
  prompts,
  practices,
  readOnly = false,
  onChange,
  onAdd,
}: {
  prompts: EditorPrompt[];
  /** Shown but not editable; the text stays selectable (unlike in disabled fields). */
  readOnly?: boolean;
  practices: EditorPractice[];
  onChange: (prompts: EditorPrompt[]) => void;
  onAdd: () => void;
}) {
  const edit = (key: string, change: Partial<EditorPrompt>) =>
    onChange(prompts.map((p) => (p.key === key ? { ...p, ...change } : p)));
  return (
    <div className="flex flex-col gap-3">
      {prompts.length === 0 && <p className="text-muted">No discussion prompts yet.</p>}
      <ol className="flex flex-col gap-3" aria-label="Discussion prompts">
        {prompts.map((prompt, index) => (
          <li key={prompt.key} className="flex flex-col gap-3 rounded-xl border border-line p-3">
            <label className="flex flex-col gap-1.5">
              <span className="font-medium">Prompt {index + 1}</span>
              <textarea
                className={`${inputClass} py-2`}
                rows={2}
                value={prompt.text}
                readOnly={readOnly}
                required
                maxLength={contentLimits.promptText}
                aria-invalid={prompt.text.trim() === "" ? true : undefined}
                onChange={(event) => edit(prompt.key, { text: event.target.value })}
              />
            </label>
            <div className="flex flex-wrap items-end gap-3">
              <label className="flex min-w-0 flex-1 flex-col gap-1.5">
                <span className="font-medium">About</span>
                <select
                  className={inputClass}
                  value={prompt.practiceKey ?? ""}
                  disabled={readOnly}
                  onChange={(event) =>
                    edit(prompt.key, { practiceKey: event.target.value || null })
                  }
                >
                  <option value="">The workshop as a whole</option>
                  {practices.map((practice, i) => (
                    <option key={practice.key} value={practice.key}>
                      {i + 1}. {practice.title.trim() || "Untitled practice"}
                    </option>
                  ))}
                </select>
              </label>
              <button
                type="button"
                className={buttonClass("ghost")}
                aria-label={`Remove prompt ${index + 1}`}
                disabled={readOnly}
                onClick={() => onChange(prompts.filter((p) => p.key !== prompt.key))}
              >
                Remove
              </button>
            </div>
          </li>
        ))}
      </ol>
      <div>
        <button
          type="button"
          className={buttonClass("secondary")}
          disabled={readOnly || prompts.length >= contentLimits.prompts}
          onClick={onAdd}
        >
          Add a prompt
        </button>
      </div>
    </div>
  );
}
