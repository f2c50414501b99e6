"use client";

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
  const fullscreen = useSyncExternalStore(subscribe, readFullscreen, () => null);
  useFullscreenKey(fullscreen !== null);
  if (fullscreen === null) return null;
  return (
    <button
      type="button"
      aria-keyshortcuts="F"
      title={fullscreen ? "Leave full screen (F)" : "Full screen (F)"}
      className={`inline-flex items-center gap-[0.5em] rounded-lg border border-line bg-surface px-[1.2vw] py-[0.8vh] text-[length:clamp(0.875rem,2.3vh,1.75rem)] font-semibold text-fg hover:bg-raised ${className}`}
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
      {fullscreen ? "Leave full screen" : "Full screen"}
    </button>
  );
}
