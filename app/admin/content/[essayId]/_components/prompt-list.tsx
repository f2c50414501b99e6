"use client";

import { useTranslations } from "next-intl";

import type { EditorPractice, EditorPrompt } from "~/server/content/draft-edits";
import { contentLimits } from "~/server/content/draft-input";

import { buttonClass, inputClass } from "../../../../_components/ui";
import {
  destructiveButtonClass,
  growingTextareaClass,
  rowsFor,
} from "../../../_components/destructive";

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
  const t = useTranslations("admin.prompts");
  const edit = (key: string, change: Partial<EditorPrompt>) =>
    onChange(prompts.map((p) => (p.key === key ? { ...p, ...change } : p)));
  return (
    <div className="flex flex-col gap-3">
      {prompts.length === 0 && <p className="text-muted">{t("empty")}</p>}
      <ol className="flex flex-col gap-3" aria-label={t("label")}>
        {prompts.map((prompt, index) => (
          <li key={prompt.key} className="flex flex-col gap-3 rounded-xl border border-line p-3">
            <label className="flex flex-col gap-1.5">
              <span className="font-medium">{t("prompt", { number: index + 1 })}</span>
              <textarea
                className={`${inputClass} ${growingTextareaClass}`}
                rows={rowsFor(prompt.text)}
                value={prompt.text}
                readOnly={readOnly}
                required
                maxLength={contentLimits.promptText}
                aria-invalid={prompt.text.trim() === "" ? true : undefined}
                onChange={(event) => edit(prompt.key, { text: event.target.value })}
              />
            </label>
            <label className="flex min-w-0 flex-col gap-1.5">
              <span className="font-medium">{t("about")}</span>
              <select
                className={inputClass}
                value={prompt.practiceKey ?? ""}
                disabled={readOnly}
                onChange={(event) => edit(prompt.key, { practiceKey: event.target.value || null })}
              >
                <option value="">{t("wholeWorkshop")}</option>
                {practices.map((practice, i) => (
                  <option key={practice.key} value={practice.key}>
                    {i + 1}. {practice.title.trim() || t("untitledPractice")}
                  </option>
                ))}
              </select>
            </label>
            <div>
              <button
                type="button"
                className={destructiveButtonClass}
                aria-label={t("removeNamed", { number: index + 1 })}
                disabled={readOnly}
                onClick={() => onChange(prompts.filter((p) => p.key !== prompt.key))}
              >
                {t("remove")}
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
          {t("add")}
        </button>
      </div>
    </div>
  );
}
