"use client";

import { useEffect, useRef, useState } from "react";

/**
 * How many of a list's items fit, whole, in its box: items past that are hidden (but keep their
 * place, so hiding them doesn't change what fits) and counted as "more". A projector can't
 * scroll, so a cut-off note is worse than a count of the ones not shown.
 */
export function useFittingCount<T extends HTMLElement>() {
  const ref = useRef<T>(null);
  const [fitting, setFitting] = useState<number>(Number.POSITIVE_INFINITY);

  useEffect(() => {
    const list = ref.current;
    if (!list) return;
    const measure = () => {
      // Fractional boxes: rounded offsets could call an item whole that is cut by a pixel or two.
      const limit = list.getBoundingClientRect().bottom + 0.5;
      let count = 0;
      for (const child of Array.from(list.children)) {
        if (child.getBoundingClientRect().bottom > limit) break;
        count++;
      }
      setFitting(count);
    };
    // Observing calls back once at the start, then on every resize (fullscreen, new notes).
    const observer = new ResizeObserver(measure);
    observer.observe(list);
    for (const child of Array.from(list.children)) observer.observe(child);
    return () => observer.disconnect();
  });

  return { ref, fitting };
}
