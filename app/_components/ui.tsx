import type { ComponentProps, ReactNode } from "react";

/** Shared look of buttons and button-like links; 44 px tall so thumbs hit them. */
export function buttonClass(variant: "primary" | "secondary" | "ghost" = "primary") {
  const base =
    "inline-flex min-h-11 items-center justify-center gap-2 rounded-lg px-4 font-semibold transition-colors disabled:cursor-not-allowed disabled:opacity-60";
  const look = {
    primary: "bg-accent text-on-accent hover:bg-accent-strong",
    secondary: "border border-line bg-surface text-fg hover:bg-raised",
    ghost: "text-fg hover:bg-raised",
  }[variant];
  return `${base} ${look}`;
}

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

export function Card({ children, className = "" }: { children: ReactNode; className?: string }) {
  return (
    <section className={`rounded-2xl border border-line bg-surface p-5 sm:p-6 ${className}`}>
      {children}
    </section>
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

export function PageTitle({ children, lead }: { children: ReactNode; lead?: ReactNode }) {
  return (
    <header className="mb-6 flex flex-col gap-2">
      <h1 className="text-2xl font-bold tracking-tight sm:text-3xl">{children}</h1>
      {lead && <p className="text-pretty text-muted">{lead}</p>}
    </header>
  );
}
