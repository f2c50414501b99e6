"use client";

import { useSuspenseQuery } from "@tanstack/react-query";

import type { AuditKind } from "~/server/admin/audit-kinds";

import { useTRPC } from "../../../_trpc/client";
import { LocalDate } from "../../../_components/local-date";
import { Pager } from "../../_components/list-controls";
import { auditEntrySubtitle, describeAuditEntry } from "./audit-entry-text";

export function AuditList({ kind, page }: { kind: AuditKind | null; page: number }) {
  const trpc = useTRPC();
  const { data } = useSuspenseQuery(trpc.adminAudit.list.queryOptions({ kind, page }));
  if (data.entries.length === 0) {
    return (
      <p className="text-muted">{page > 1 ? "No more changes." : "No changes of this kind yet."}</p>
    );
  }
  return (
    <>
      <ol aria-label="Changes, newest first" className="flex flex-col divide-y divide-line">
        {data.entries.map((entry) => {
          const subtitle = auditEntrySubtitle(entry);
          return (
            <li
              key={entry.id}
              className="flex flex-col gap-1 py-3 first:pt-0 last:pb-0 sm:flex-row sm:items-start sm:justify-between sm:gap-4"
            >
              <div className="flex min-w-0 flex-col">
                <span className="font-medium break-words">{describeAuditEntry(entry)}</span>
                {subtitle && <span className="text-sm break-all text-muted">{subtitle}</span>}
              </div>
              <div className="flex shrink-0 flex-col text-sm text-muted sm:items-end">
                <span className="break-words">by {entry.actorName ?? "a removed account"}</span>
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
