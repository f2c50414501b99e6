"use client";

import { useEffect, useRef } from "react";

/**
 * Clamps a text to the whole lines that fit in its parent's height, with an ellipsis after the
 * last: a long practice description or note then ends cleanly instead of being sliced through a
 * line. The parent is the box that gets the room (flex-1 min-h-0, or a box that shrinks only when
 * the screen is too small: min-h-0 shrink); the text itself is the ref.
 */
export function useLinesThatFit<T extends HTMLElement>() {
  const ref = useRef<T>(null);

  useEffect(() => {
    const text = ref.current;
    const box = text?.parentElement;
    if (!text || !box) return;
    const measure = () => {
      const lineHeight = parseFloat(getComputedStyle(text).lineHeight);
      if (!Number.isFinite(lineHeight) || lineHeight <= 0) return;
      // Unclamped first, so that a box sized by its text can grow back when the screen does.
      text.style.removeProperty("-webkit-line-clamp");
      // Fractional heights (a rounded one can drop the last line), with half a pixel to spare.
      const height = box.getBoundingClientRect().height;
      const lines = Math.max(1, Math.floor((height + 0.5) / lineHeight));
      text.style.setProperty("-webkit-line-clamp", String(lines));
    };
    // Calls back once at the start, then whenever the box changes size (fullscreen, resize).
    const observer = new ResizeObserver(measure);
    observer.observe(box);
    return () => observer.disconnect();
  });

  return ref;
}

/** The classes that make an element clamp its lines (the count is set by useLinesThatFit). */
export const clampedText = "overflow-hidden [display:-webkit-box] [-webkit-box-orient:vertical]";
