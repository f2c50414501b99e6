"use client";

import { useSyncExternalStore } from "react";

function subscribe(onChange: () => void) {
  document.addEventListener("fullscreenchange", onChange);
  return () => document.removeEventListener("fullscreenchange", onChange);
}

/** null on the server and where the browser can't go fullscreen; else whether it is. */
function readFullscreen(): boolean | null {
  return document.fullscreenEnabled ? document.fullscreenElement !== null : null;
}

/** Puts the page in fullscreen for the projector, and keeps out of the picture once it is. */
export function FullscreenButton({ className = "" }: { className?: string }) {
  const fullscreen = useSyncExternalStore(subscribe, readFullscreen, () => null);
  if (fullscreen !== false) return null;
  return (
    <button
      type="button"
      className={`inline-flex items-center gap-2 rounded-lg border border-line bg-surface px-[1.2vw] py-[0.8vh] text-[length:clamp(0.875rem,2vh,1.25rem)] font-semibold text-fg hover:bg-raised ${className}`}
      onClick={() => {
        document.documentElement.requestFullscreen().catch(() => {
          // Refused (no user gesture, or a policy); the page still works windowed.
        });
      }}
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
        <path d="M4 9V4h5M20 9V4h-5M4 15v5h5M20 15v5h-5" />
      </svg>
      Fullscreen
    </button>
  );
}
