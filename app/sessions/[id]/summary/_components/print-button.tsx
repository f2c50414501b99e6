"use client";

import { buttonClass } from "../../../../_components/ui";

/** Opens the browser's print dialog; the page's print styles make it a clean printout. */
export function PrintButton() {
  return (
    <button type="button" onClick={() => window.print()} className={buttonClass("primary")}>
      Print
    </button>
  );
}
