"use client";

import { useTranslations } from "next-intl";
import { useEffect, useId, useRef, useState, type ReactNode } from "react";

import { buttonClass } from "./ui";

export const dangerButtonClass =
  "inline-flex min-h-11 items-center justify-center gap-2 rounded-lg bg-danger px-4 font-semibold text-canvas transition-opacity hover:opacity-90 disabled:cursor-not-allowed disabled:opacity-60";

/**
 * A button that asks before it acts: the first press shows the question with "yes" and "cancel"
 * in place of the button, so a stray click or a double Enter can't remove someone or end a
 * session. Focus moves to Cancel when asked and back to the button when cancelled.
 */
export function ConfirmAction({
  label,
  question,
  confirmLabel,
  onConfirm,
  pending = false,
  disabled = false,
  triggerClassName = buttonClass("secondary"),
  triggerAriaLabel,
}: {
  label: ReactNode;
  question: ReactNode;
  confirmLabel: string;
  onConfirm: () => void;
  pending?: boolean;
  disabled?: boolean;
  triggerClassName?: string;
  triggerAriaLabel?: string;
}) {
  const t = useTranslations("common");
  const [asking, setAsking] = useState(false);
  const trigger = useRef<HTMLButtonElement>(null);
  const cancel = useRef<HTMLButtonElement>(null);
  const returnFocus = useRef(false);
  const questionId = useId();

  useEffect(() => {
    if (asking) cancel.current?.focus();
    else if (returnFocus.current) {
      returnFocus.current = false;
      trigger.current?.focus();
    }
  }, [asking]);

  if (!asking) {
    return (
      <button
        ref={trigger}
        type="button"
        className={triggerClassName}
        disabled={disabled || pending}
        aria-label={triggerAriaLabel}
        onClick={() => setAsking(true)}
      >
        {label}
      </button>
    );
  }

  return (
    <div
      role="group"
      aria-labelledby={questionId}
      className="flex w-full flex-col gap-2 rounded-lg border border-danger bg-danger-soft p-3"
      onKeyDown={(event) => {
        if (event.key === "Escape") {
          returnFocus.current = true;
          setAsking(false);
        }
      }}
    >
      <p id={questionId} className="font-medium text-fg">
        {question}
      </p>
      <div className="flex flex-wrap gap-2">
        <button
          type="button"
          className={dangerButtonClass}
          disabled={pending}
          onClick={() => {
            onConfirm();
            setAsking(false);
          }}
        >
          {confirmLabel}
        </button>
        <button
          ref={cancel}
          type="button"
          className={buttonClass("secondary")}
          onClick={() => {
            returnFocus.current = true;
            setAsking(false);
          }}
        >
          {t("confirm.cancel")}
        </button>
      </div>
    </div>
  );
}
