import { useTranslations } from "next-intl";

import type { SaveState } from "./use-autosave";

const text = {
  saved: "saved",
  unsaved: "unsaved",
  saving: "saving",
  invalid: "notSaved",
  failed: "notSaved",
  conflict: "notSaved",
  stopped: "notSaved",
} as const satisfies Record<SaveState["kind"], string>;

/** The draft's save state, announced politely to screen readers as it changes. */
export function SaveIndicator({ state }: { state: SaveState | null }) {
  const t = useTranslations("admin.editor.save");
  const problem = state && "message" in state ? state.message : null;
  return (
    <p
      role="status"
      aria-live="polite"
      className="flex min-w-0 flex-wrap items-center gap-x-2 text-sm"
    >
      {state && (
        <>
          <span
            aria-hidden="true"
            className={`inline-block size-2.5 rounded-full ${
              state.kind === "saved" ? "bg-ok" : problem ? "bg-danger" : "bg-accent"
            }`}
          />
          <span className={`font-medium ${problem ? "text-danger" : ""}`}>
            {t(text[state.kind])}
          </span>
          {problem && state.kind !== "conflict" && state.kind !== "stopped" && (
            <span className="text-danger">— {problem}</span>
          )}
        </>
      )}
    </p>
  );
}
