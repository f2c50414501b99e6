"use client";

import { useMutation } from "@tanstack/react-query";
import { TRPCClientError } from "@trpc/client";
import { useCallback, useEffect, useRef, useState } from "react";

import type { EssayDraft } from "~/db/schema/content";
import type { AppRouter } from "~/server/api/root";
import { essayDraftInput } from "~/server/content/draft-input";

import { useTRPC } from "../../../../_trpc/client";

/** Long enough that typing a sentence is one save, short enough that little is ever at risk. */
const debounceMs = 1000;
const retryMs = 5000;

export type SaveState =
  | { kind: "saved" }
  | { kind: "unsaved" }
  | { kind: "saving" }
  /** The draft breaks a rule (e.g. a practice without a title); saved once it is fixed. */
  | { kind: "invalid"; message: string }
  | { kind: "failed"; message: string }
  /** Another tab or admin saved since this one loaded: saving stops rather than overwrite. */
  | { kind: "conflict"; message: string };

type Problem = Extract<SaveState, { message: string }>;

/**
 * Saves the draft a moment after each change, with the timestamp it last saw so the server can
 * refuse a save from a stale tab. Warns before the page is left with unsaved changes.
 */
export function useAutosave(options: {
  essayId: string;
  draft: EssayDraft;
  initialStamp: Date;
  enabled: boolean;
}) {
  const { essayId, draft, enabled } = options;
  const trpc = useTRPC();
  const save = useMutation(trpc.adminContent.saveDraft.mutationOptions());
  const saveDraft = save.mutateAsync;
  const stamp = useRef(options.initialStamp);
  const json = JSON.stringify(draft);
  const [savedJson, setSavedJson] = useState(json);
  const [problem, setProblem] = useState<Problem | null>(null);
  const latest = useRef({ draft, json });
  const inFlight = useRef<Promise<boolean> | null>(null);
  const savedRef = useRef(savedJson);

  useEffect(() => {
    latest.current = { draft, json };
  }, [draft, json]);

  /** Saves the latest draft now (after any save already under way); true once it is saved. */
  const flush = useCallback(async (): Promise<boolean> => {
    while (inFlight.current) await inFlight.current;
    const { draft: current, json: currentJson } = latest.current;
    if (currentJson === savedRef.current) return true;
    const parsed = essayDraftInput.safeParse(current);
    if (!parsed.success) {
      setProblem({
        kind: "invalid",
        message: parsed.error.issues[0]?.message ?? "Check the draft.",
      });
      return false;
    }
    const attempt = saveDraft({ essayId, expectedDraftUpdatedAt: stamp.current, draft: current })
      .then(({ draftUpdatedAt }) => {
        stamp.current = draftUpdatedAt;
        savedRef.current = currentJson;
        setSavedJson(currentJson);
        setProblem(null);
        return true;
      })
      .catch((error: unknown) => {
        const conflict =
          error instanceof TRPCClientError &&
          (error as TRPCClientError<AppRouter>).data?.code === "CONFLICT";
        const message =
          error instanceof TRPCClientError ? error.message : "The draft couldn't be saved.";
        setProblem({ kind: conflict ? "conflict" : "failed", message });
        return false;
      })
      .finally(() => {
        inFlight.current = null;
      });
    inFlight.current = attempt;
    return attempt;
  }, [essayId, saveDraft]);

  const dirty = json !== savedJson;
  const stopped = problem?.kind === "conflict";

  useEffect(() => {
    if (!enabled || !dirty || stopped) return;
    const timer = setTimeout(() => void flush(), debounceMs);
    return () => clearTimeout(timer);
  }, [enabled, dirty, stopped, json, flush]);

  // A failed save (the network, a restart) is retried on its own.
  useEffect(() => {
    if (problem?.kind !== "failed") return;
    const timer = setTimeout(() => void flush(), retryMs);
    return () => clearTimeout(timer);
  }, [problem, flush]);

  useEffect(() => {
    if (!dirty && !save.isPending) return;
    const warn = (event: BeforeUnloadEvent) => event.preventDefault();
    window.addEventListener("beforeunload", warn);
    return () => window.removeEventListener("beforeunload", warn);
  }, [dirty, save.isPending]);

  // Leaving through a link inside the app doesn't fire beforeunload: save on the way out.
  useEffect(() => () => void flushOnLeave(latest, savedRef, flush), [flush]);

  const state: SaveState = stopped
    ? problem
    : save.isPending
      ? { kind: "saving" }
      : !dirty
        ? { kind: "saved" }
        : (problem ?? { kind: "unsaved" });

  return {
    state,
    flush,
    /** The timestamp of the draft as last saved, for publishing exactly that draft. */
    stamp: () => stamp.current,
    /** After a publish: the server's draft and stamp are now the saved ones. */
    markSaved(saved: EssayDraft, draftUpdatedAt: Date) {
      const savedDraftJson = JSON.stringify(saved);
      stamp.current = draftUpdatedAt;
      savedRef.current = savedDraftJson;
      latest.current = { draft: saved, json: savedDraftJson };
      setSavedJson(savedDraftJson);
      setProblem(null);
    },
  };
}

function flushOnLeave(
  latest: { current: { json: string } },
  saved: { current: string },
  flush: () => Promise<boolean>,
) {
  if (latest.current.json !== saved.current) void flush();
}
