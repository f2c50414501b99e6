"use client";

import { useEffect, useState } from "react";

/**
 * Local slide navigation for the big screen: arrow keys, Page Up/Down (what presentation clickers
 * send), Space, Home and End. Each screen steps on its own; the room's stage doesn't change.
 */
export function useSlides(count: number) {
  const [requested, setIndex] = useState(0);
  // The count can shrink (content differs between screens); never point past the end.
  const index = Math.min(requested, Math.max(0, count - 1));

  useEffect(() => {
    function onKey(event: KeyboardEvent) {
      if (event.altKey || event.ctrlKey || event.metaKey || event.defaultPrevented) return;
      const target = event.target as HTMLElement | null;
      if (target?.closest("input, textarea, select, [contenteditable]")) return;
      // Space on a focused button presses it; leave it alone there.
      if (event.key === " " && target?.closest("button, a")) return;
      const step = {
        ArrowRight: 1,
        ArrowDown: 1,
        PageDown: 1,
        " ": 1,
        ArrowLeft: -1,
        ArrowUp: -1,
        PageUp: -1,
      }[event.key];
      if (step !== undefined) {
        event.preventDefault();
        setIndex((i) => Math.max(0, Math.min(count - 1, Math.min(i, count - 1) + step)));
      } else if (event.key === "Home") {
        event.preventDefault();
        setIndex(0);
      } else if (event.key === "End") {
        event.preventDefault();
        setIndex(count - 1);
      }
    }
    window.addEventListener("keydown", onKey);
    return () => window.removeEventListener("keydown", onKey);
  }, [count]);

  return {
    index,
    previous: () => setIndex(Math.max(0, index - 1)),
    next: () => setIndex(Math.min(count - 1, index + 1)),
  };
}
