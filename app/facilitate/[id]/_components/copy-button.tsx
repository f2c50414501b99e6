"use client";

import { useTranslations } from "next-intl";
import { useState } from "react";

import { buttonClass } from "../../../_components/ui";

/** Copies a text and says so where screen readers hear it; falls back to selecting it by hand. */
export function CopyButton({ text, label }: { text: string; label: string }) {
  const t = useTranslations("facilitate.tasks");
  const [state, setState] = useState<"idle" | "copied" | "failed">("idle");
  return (
    <>
      <button
        type="button"
        className={`${buttonClass("secondary")} min-h-9 px-3 text-sm`}
        onClick={() => {
          navigator.clipboard.writeText(text).then(
            () => setState("copied"),
            () => setState("failed"),
          );
        }}
      >
        {label}
      </button>
      <span role="status" className="text-sm text-muted">
        {state === "copied" ? t("copied") : state === "failed" ? t("copyFailed") : ""}
      </span>
    </>
  );
}
