"use client";

import { useTranslations } from "next-intl";

import { buttonClass } from "../../../../_components/ui";

/** Opens the browser's print dialog; the page's print styles make it a clean printout. */
export function PrintButton() {
  const t = useTranslations("teams.summary");
  return (
    <button type="button" onClick={() => window.print()} className={buttonClass("primary")}>
      {t("print")}
    </button>
  );
}
