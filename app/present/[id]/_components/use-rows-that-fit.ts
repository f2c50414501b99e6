"use client";

import { useLayoutEffect, useRef, useState } from "react";

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

  // A layout effect: after each render (new results, an adopted badge making a row taller) the
  // rows are fitted before the browser paints, not a frame later when an observer calls back.
  useLayoutEffect(() => {
    const box = ref.current;
    if (!box) return;
    const fit = () => {
      const rows = Array.from(box.querySelectorAll<HTMLElement>("ol > li"));
      for (const row of rows) row.style.display = "";
      const bottom = box.getBoundingClientRect().bottom + 0.5;
      const firstCut = rows.findIndex((row) => row.getBoundingClientRect().bottom > bottom);
      const fitting = firstCut === -1 ? rows.length : firstCut;
      for (const row of rows.slice(fitting)) row.style.display = "none";
      setHidden(rows.length - fitting);
    };
    fit();
    // And again whenever the box changes size (a resize, full screen).
    const observer = new ResizeObserver(fit);
    observer.observe(box);
    return () => observer.disconnect();
  });

  return { ref, hidden };
}
