"use client";

import { useEffect, useRef, useState } from "react";

/**
 * Shows only the rows of a list drawn by another component (`ol > li` inside the box) that fit
 * whole in the box, and says how many it left out. The rows past the fold are taken out of the
 * layout directly (display: none), all in one pass so that no frame shows a cut row; the list is
 * measured again whenever the box changes size and after every render (new results, adoptions).
 * The box must not change size with the count: keep the "more" line's room reserved.
 */
export function useRowsThatFit<T extends HTMLElement>() {
  const ref = useRef<T>(null);
  const [hidden, setHidden] = useState(0);

  useEffect(() => {
    const box = ref.current;
    if (!box) return;
    // Observing calls back once at the start, then on every resize.
    const observer = new ResizeObserver(() => {
      const rows = Array.from(box.querySelectorAll<HTMLElement>("ol > li"));
      for (const row of rows) row.style.display = "";
      const bottom = box.getBoundingClientRect().bottom + 0.5;
      const firstCut = rows.findIndex((row) => row.getBoundingClientRect().bottom > bottom);
      const fitting = firstCut === -1 ? rows.length : firstCut;
      for (const row of rows.slice(fitting)) row.style.display = "none";
      setHidden(rows.length - fitting);
    });
    observer.observe(box);
    return () => observer.disconnect();
  });

  return { ref, hidden };
}
