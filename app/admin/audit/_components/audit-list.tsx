"use client";

import { useSuspenseQuery } from "@tanstack/react-query";
import { useTranslations } from "next-intl";

import type { AuditKind } from "~/server/admin/audit-kinds";

import { useTRPC } from "../../../_trpc/client";
import { LocalDate } from "../../../_components/local-date";
import { Pager } from "../../_components/list-controls";
import { auditSentence, auditSubtitle } from "./audit-sentence";

export function AuditList({ kind, page }: { kind: AuditKind | null; page: number }) {
  const t = useTranslations("admin.audit");
  const words = useTranslations("admin.audit.entry");
  const trpc = useTRPC();
  const { data } = useSuspenseQuery(trpc.adminAudit.list.queryOptions({ kind, page }));
  if (data.entries.length === 0) {
    return <p className="text-muted">{page > 1 ? t("noMore") : t(`none.${kind ?? "all"}`)}</p>;
  }
  return (
    <>
      <ol aria-label={t("listLabel")} className="flex flex-col divide-y divide-line">
        {data.entries.map((entry) => {
          const subtitle = auditSubtitle(entry, words);
          return (
            <li
              key={entry.id}
              className="flex flex-col gap-1 py-3 first:pt-0 last:pb-0 sm:flex-row sm:items-start sm:justify-between sm:gap-4"
            >
              <div className="flex min-w-0 flex-col">
                <span className="font-medium break-words">{auditSentence(entry, words)}</span>
                {subtitle && <span className="text-sm break-all text-muted">{subtitle}</span>}
              </div>
              <div className="flex shrink-0 flex-col text-sm text-muted sm:items-end">
                <span className="break-words">
                  {t("by", { name: entry.actorName ?? t("removedAccount") })}
                </span>
                <LocalDate date={entry.createdAt} withTime />
              </div>
            </li>
          );
        })}
      </ol>
      <Pager path="/admin/audit" params={{ kind: kind ?? "" }} page={page} hasMore={data.hasMore} />
    </>
  );
}
