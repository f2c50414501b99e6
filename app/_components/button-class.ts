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
