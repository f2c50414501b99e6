"use client";

import { useTranslations } from "next-intl";
import { useEffect, useRef, useState, type ReactNode } from "react";

import { buttonClass, inputClass } from "./ui";

/**
 * A link that is shown once (an invite or sign-up link): it takes the focus, selected, with a
 * copy button that falls back to a selected field where the clipboard is out of reach.
 */
export function OneTimeLink({
  id,
  label,
  created,
  link,
  children,
}: {
  id: string;
  label: string;
  /** What was created, e.g. "Invite link created." */
  created: string;
  link: string;
  /** What the link does and until when. */
  children: ReactNode;
}) {
  const t = useTranslations("common");
  const input = useRef<HTMLInputElement>(null);
  const [copyState, setCopyState] = useState<"idle" | "copied" | "manual">("idle");
  useEffect(() => input.current?.focus(), []);

  async function copy() {
    try {
      await navigator.clipboard.writeText(link);
      setCopyState("copied");
    } catch {
      // No clipboard access (e.g. plain http on a LAN address): select it for a manual copy.
      input.current?.select();
      setCopyState("manual");
    }
  }

  return (
    <div className="flex flex-col gap-3 rounded-lg border border-ok bg-ok-soft p-4">
      <p className="font-medium text-ok" role="status">
        {t("oneTimeLink.created", { created })}
      </p>
      <label htmlFor={id} className="font-medium">
        {label}
      </label>
      <div className="flex flex-col gap-2 sm:flex-row">
        <input
          ref={input}
          id={id}
          readOnly
          value={link}
          onFocus={(event) => event.currentTarget.select()}
          aria-describedby={`${id}-hint`}
          className={`${inputClass} min-w-0 font-mono text-sm`}
        />
        <button
          type="button"
          onClick={() => void copy()}
          className={`${buttonClass("secondary")} shrink-0 whitespace-nowrap`}
        >
          {copyState === "copied" ? t("oneTimeLink.copied") : t("oneTimeLink.copy")}
        </button>
      </div>
      <p id={`${id}-hint`} className="text-sm text-fg">
        {children}
      </p>
      <p aria-live="polite" className="text-sm text-fg empty:hidden">
        {copyState === "copied"
          ? t("oneTimeLink.onClipboard")
          : copyState === "manual"
            ? t("oneTimeLink.selected")
            : ""}
      </p>
    </div>
  );
}
