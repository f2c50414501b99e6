"use client";

import { useMutation } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { useCallback, useEffect, useRef, useState } from "react";

import type { EssayDraft } from "~/db/schema/content";
import { essayDraftInput } from "~/server/content/draft-input";

import { useTRPC } from "../../../../_trpc/client";
import { leavesPageThroughLink, saveProblem } from "../../_lib/save-rules";

/** Long enough that typing a sentence is one save, short enough that little is ever at risk. */
const debounceMs = 1000;
const retryMs = 5000;

export type SaveState =
  | { kind: "saved" }
  | { kind: "unsaved" }
  | { kind: "saving" }
  /** The draft breaks a rule (e.g. a practice without a title); saved once it is fixed. */
  | { kind: "invalid"; message: string }
  /** A passing failure (the network, a restart, too many requests): retried on its own. */
  | { kind: "failed"; message: string }
  /** Another tab or admin saved since this one loaded: saving stops rather than overwrite. */
  | { kind: "conflict"; message: string }
  /** Saving can't succeed from this page (workshop gone, signed out, no longer an admin). */
  | { kind: "stopped"; message: string };

export type Problem = Extract<SaveState, { message: string }>;

/**
 * Saves the draft a moment after each change, with the timestamp it last saw so the server can
 * refuse a save from a stale tab. Asks before the page is left with unsaved changes: closing or
 * reloading the tab, following a link inside the app, or going Back.
 */
export function useAutosave(options: {
  essayId: string;
  draft: EssayDraft;
  initialStamp: Date;
  enabled: boolean;
}) {
  const { essayId, draft, enabled } = options;
  const t = useTranslations("admin.editor.save");
  /** Asked before leaving the editor through a link or Back while the draft isn't saved. */
  const leaveQuestion = t("leaveQuestion");
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
  /** Set once saving can't succeed any more; nothing is sent after that. */
  const stoppedRef = useRef(false);

  useEffect(() => {
    latest.current = { draft, json };
  }, [draft, json]);

  /** Saves the latest draft now (after any save already under way); true once it is saved. */
  const flush = useCallback(async (): Promise<boolean> => {
    while (inFlight.current) await inFlight.current;
    const { draft: current, json: currentJson } = latest.current;
    if (currentJson === savedRef.current) return true;
    if (stoppedRef.current) return false;
    const parsed = essayDraftInput.safeParse(current);
    if (!parsed.success) {
      setProblem({
        kind: "invalid",
        message: parsed.error.issues[0]?.message ?? t("checkDraft"),
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
        const next = saveProblem(error, t);
        stoppedRef.current = next.kind === "conflict" || next.kind === "stopped";
        setProblem(next);
        return false;
      })
      .finally(() => {
        inFlight.current = null;
      });
    inFlight.current = attempt;
    return attempt;
  }, [essayId, saveDraft, t]);

  const dirty = json !== savedJson;
  const stopped = problem?.kind === "conflict" || problem?.kind === "stopped";
  /** Work that leaving now could lose: unsaved, being saved, or refused. */
  const atRisk = dirty || save.isPending;

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
    if (!atRisk) return;
    /** Set once the admin chose to leave, so a full-page load doesn't ask a second time. */
    let leaving = false;
    let leavingTimer: ReturnType<typeof setTimeout> | undefined;
    const agreeToLeave = () => {
      leaving = true;
      clearTimeout(leavingTimer);
      leavingTimer = setTimeout(() => (leaving = false), 2000);
    };
    // Closing the tab, reloading, typing an address, following a link to another site.
    const warn = (event: BeforeUnloadEvent) => {
      if (!leaving) event.preventDefault();
    };
    // Links inside the app navigate without unloading the page, so beforeunload never fires.
    // Capturing on the document runs before the router's own click handler on the React root.
    const onClick = (event: MouseEvent) => {
      const link = event.target instanceof Element ? event.target.closest("a[href]") : null;
      const click = {
        defaultPrevented: event.defaultPrevented,
        button: event.button,
        modified: event.metaKey || event.ctrlKey || event.shiftKey || event.altKey,
        link: link && {
          href: link.getAttribute("href")!,
          target: link.getAttribute("target"),
          download: link.hasAttribute("download"),
        },
      };
      if (!leavesPageThroughLink(click, new URL(window.location.href))) return;
      if (window.confirm(leaveQuestion)) return agreeToLeave();
      event.preventDefault();
      event.stopPropagation();
    };
    // Back and Forward: the router acts on popstate before any listener added later could, so
    // the traversal is caught before it happens, by the Navigation API's navigate event (where
    // the browser has it; elsewhere the flush on unmount below is all there is). Declining
    // cancels the traversal: the address and the editor stay as they are.
    const navigation = (window as { navigation?: NavigationLike }).navigation;
    const onNavigate = (event: NavigateEventLike) => {
      if (event.navigationType !== "traverse" || !event.cancelable || leaving) return;
      const here = new URL(window.location.href);
      const there = new URL(event.destination.url);
      if (there.pathname === here.pathname && there.search === here.search) return;
      if (window.confirm(leaveQuestion)) return agreeToLeave();
      event.preventDefault();
    };
    window.addEventListener("beforeunload", warn);
    document.addEventListener("click", onClick, { capture: true });
    navigation?.addEventListener("navigate", onNavigate);
    return () => {
      clearTimeout(leavingTimer);
      window.removeEventListener("beforeunload", warn);
      document.removeEventListener("click", onClick, { capture: true });
      navigation?.removeEventListener("navigate", onNavigate);
    };
  }, [atRisk, leaveQuestion]);

  // Leaving anyway (or while a save was merely waiting for its moment): save on the way out.
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
      stoppedRef.current = false;
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

/** The little of the Navigation API used here (not yet in TypeScript's DOM types). */
interface NavigateEventLike {
  navigationType: "push" | "replace" | "reload" | "traverse";
  cancelable: boolean;
  destination: { url: string };
  preventDefault(): void;
}

interface NavigationLike {
  addEventListener(type: "navigate", listener: (event: NavigateEventLike) => void): void;
  removeEventListener(type: "navigate", listener: (event: NavigateEventLike) => void): void;
}
