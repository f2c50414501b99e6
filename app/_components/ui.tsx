import type { ComponentProps, ReactNode } from "react";

// Kept in their own files so that the error page, whose chunk every page loads, carries only them.
export { buttonClass } from "./button-class";
export { Card, PageTitle } from "./card";

export const inputClass =
  "min-h-11 w-full rounded-lg border border-line bg-surface px-3 text-base text-fg placeholder:text-muted aria-[invalid=true]:border-danger";

interface FieldProps extends ComponentProps<"input"> {
  label: string;
  name: string;
  error?: string;
  hint?: string;
}

/** A labelled input with its hint and error tied to it for screen readers. */
export function Field({ label, name, error, hint, id, ...input }: FieldProps) {
  const inputId = id ?? `field-${name}`;
  const describedBy = [hint && `${inputId}-hint`, error && `${inputId}-error`]
    .filter(Boolean)
    .join(" ");
  return (
    <div className="flex flex-col gap-1.5">
      <label htmlFor={inputId} className="font-medium">
        {label}
      </label>
      <input
        id={inputId}
        name={name}
        className={inputClass}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy || undefined}
        {...input}
      />
      {hint && (
        <p id={`${inputId}-hint`} className="text-sm text-muted">
          {hint}
        </p>
      )}
      {error && (
        <p id={`${inputId}-error`} className="text-sm font-medium text-danger">
          {error}
        </p>
      )}
    </div>
  );
}

export function Alert({
  tone,
  children,
  insideLiveRegion = false,
}: {
  tone: "error" | "success" | "info";
  children: ReactNode;
  /** Inside a region that already announces its changes: no role, or it would be read twice. */
  insideLiveRegion?: boolean;
}) {
  const look = {
    error: "border-danger bg-danger-soft text-danger",
    success: "border-ok bg-ok-soft text-ok",
    info: "border-line bg-raised text-fg",
  }[tone];
  return (
    <div
      role={insideLiveRegion ? undefined : tone === "error" ? "alert" : "status"}
      className={`rounded-lg border px-4 py-3 ${look}`}
    >
      {children}
    </div>
  );
}
