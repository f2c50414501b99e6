"use client";

import { useTranslations } from "next-intl";
import { useEffect, useSyncExternalStore } from "react";

function subscribe(onChange: () => void) {
  document.addEventListener("fullscreenchange", onChange);
  return () => document.removeEventListener("fullscreenchange", onChange);
}

/** null on the server and where the browser can't go fullscreen; else whether it is. */
function readFullscreen(): boolean | null {
  return document.fullscreenEnabled ? document.fullscreenElement !== null : null;
}

function toggleFullscreen() {
  const change = document.fullscreenElement
    ? document.exitFullscreen()
    : document.documentElement.requestFullscreen();
  change.catch(() => {
    // Refused (no user gesture, or a policy): the page still works windowed.
  });
}

/** F toggles fullscreen, as in video players; not while typing, nor with a modifier held. */
function useFullscreenKey(enabled: boolean) {
  useEffect(() => {
    if (!enabled) return;
    function onKey(event: KeyboardEvent) {
      if (event.key !== "f" && event.key !== "F") return;
      if (event.altKey || event.ctrlKey || event.metaKey || event.defaultPrevented) return;
      const target = event.target as HTMLElement | null;
      if (target?.closest("input, textarea, select, [contenteditable]")) return;
      event.preventDefault();
      toggleFullscreen();
    }
    window.addEventListener("keydown", onKey);
    return () => window.removeEventListener("keydown", onKey);
  }, [enabled]);
}

/**
 * Puts the whole page in fullscreen for the projector and back (button or F). Not drawn where the
 * browser has no Fullscreen API (iPhones), since it could do nothing there.
 */
export function FullscreenButton({ className = "" }: { className?: string }) {
  const t = useTranslations("present");
  const fullscreen = useSyncExternalStore(subscribe, readFullscreen, () => null);
  useFullscreenKey(fullscreen !== null);
  if (fullscreen === null) return null;
  return (
    <button
      type="button"
      aria-keyshortcuts="F"
      title={fullscreen ? t("fullscreen.leaveTitle") : t("fullscreen.enterTitle")}
      // On a narrow screen the icon alone, with the words kept for screen readers.
      className={`inline-flex items-center gap-[0.5em] rounded-lg border border-line bg-surface px-[max(1.2vw,0.5rem)] py-[0.8vh] text-[length:clamp(0.875rem,2.3vh,1.75rem)] font-semibold text-fg hover:bg-raised max-sm:min-h-10 max-sm:min-w-10 max-sm:justify-center ${className}`}
      onClick={toggleFullscreen}
    >
      <svg
        aria-hidden="true"
        viewBox="0 0 24 24"
        className="size-[1.1em]"
        fill="none"
        stroke="currentColor"
        strokeWidth="2.2"
        strokeLinecap="round"
      >
        <path
          d={
            fullscreen
              ? "M9 4v5H4M15 4v5h5M9 20v-5H4M15 20v-5h5"
              : "M4 9V4h5M20 9V4h-5M4 15v5h5M20 15v5h-5"
          }
        />
      </svg>
      <span className="max-sm:sr-only">
        {fullscreen ? t("fullscreen.leave") : t("fullscreen.enter")}
      </span>
    </button>
  );
}
