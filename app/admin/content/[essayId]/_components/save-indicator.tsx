import type { SaveState } from "./use-autosave";

const text: Record<SaveState["kind"], string> = {
  saved: "Saved",
  unsaved: "Unsaved changes",
  saving: "Saving…",
  invalid: "Not saved",
  failed: "Not saved",
  conflict: "Not saved",
  stopped: "Not saved",
};

/** The draft's save state, announced politely to screen readers as it changes. */
export function SaveIndicator({ state }: { state: SaveState | null }) {
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
          <span className={`font-medium ${problem ? "text-danger" : ""}`}>{text[state.kind]}</span>
          {problem && state.kind !== "conflict" && state.kind !== "stopped" && (
            <span className="text-danger">— {problem}</span>
          )}
        </>
      )}
    </p>
  );
}
