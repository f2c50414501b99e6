import { useTranslations } from "next-intl";
import type { ReactNode } from "react";

import type { EssayStatus } from "~/db/schema/content";

const look: Record<EssayStatus, string> = {
  draft: "border-line bg-raised text-fg",
  published: "border-ok bg-ok-soft text-ok",
  archived: "border-line bg-canvas text-muted",
};

export function StatusBadge({ status }: { status: EssayStatus }) {
  const t = useTranslations("admin.content.status");
  return (
    <span
      className={`inline-flex items-center rounded-full border px-2.5 py-0.5 text-sm font-medium ${look[status]}`}
    >
      {t(status)}
    </span>
  );
}

export function UnpublishedBadge() {
  const t = useTranslations("admin.content.status");
  return (
    <span className="inline-flex items-center rounded-full border border-accent px-2.5 py-0.5 text-sm font-medium text-accent">
      {t("unpublished")}
    </span>
  );
}

/** The editor's draft state in words, such as "Draft · no changes since version 3". */
export function DraftBadge({ id, children }: { id?: string; children: ReactNode }) {
  return (
    <span
      id={id}
      className="inline-flex items-center rounded-full border border-line bg-raised px-2.5 py-0.5 text-sm font-medium text-fg"
    >
      {children}
    </span>
  );
}
