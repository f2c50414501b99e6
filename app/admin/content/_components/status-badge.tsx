import type { EssayStatus } from "~/db/schema/content";

const look: Record<EssayStatus, { label: string; className: string }> = {
  draft: { label: "Draft", className: "border-line bg-raised text-fg" },
  published: { label: "Published", className: "border-ok bg-ok-soft text-ok" },
  archived: { label: "Archived", className: "border-line bg-canvas text-muted" },
};

export function StatusBadge({ status }: { status: EssayStatus }) {
  const { label, className } = look[status];
  return (
    <span
      className={`inline-flex items-center rounded-full border px-2.5 py-0.5 text-sm font-medium ${className}`}
    >
      {label}
    </span>
  );
}

export function UnpublishedBadge() {
  return (
    <span className="inline-flex items-center rounded-full border border-accent px-2.5 py-0.5 text-sm font-medium text-accent">
      Unpublished changes
    </span>
  );
}
