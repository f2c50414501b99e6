import type { Metadata } from "next";
import Link from "next/link";
import { Suspense } from "react";

import { auditKindLabel, auditKinds, type AuditKind } from "~/server/admin/audit-kinds";

import { HydrateClient, prefetch, trpc } from "../../_trpc/server";
import { TRPCReactProvider } from "../../_trpc/client";
import { ListSkeleton } from "../../_components/list-skeleton";
import { Card, PageTitle } from "../../_components/ui";
import { listParams, requireAdmin } from "../_components/require-admin";
import { AuditList } from "./_components/audit-list";

export const metadata: Metadata = { title: "Audit log · Admin" };

const filters: { kind: AuditKind | null; label: string }[] = [
  { kind: null, label: "All changes" },
  ...auditKinds.map((kind) => ({ kind, label: auditKindLabel[kind] })),
];

export default async function AdminAuditPage({
  searchParams,
}: {
  searchParams: Promise<{ kind?: string | string[]; page?: string | string[] }>;
}) {
  await requireAdmin("/admin/audit");
  const params = await searchParams;
  const { page } = listParams(params);
  const kind = auditKinds.find((known) => known === params.kind) ?? null;
  prefetch(trpc.adminAudit.list.queryOptions({ kind, page }));

  return (
    <TRPCReactProvider>
      <HydrateClient>
        <PageTitle lead="Every change made in the admin area, newest first, with who made it and when.">
          Audit log
        </PageTitle>
        <Card>
          <nav aria-label="Kinds of change" className="mb-4">
            <ul className="flex flex-wrap gap-2">
              {filters.map((filter) => (
                <li key={filter.label}>
                  <Link
                    href={filter.kind ? `/admin/audit?kind=${filter.kind}` : "/admin/audit"}
                    aria-current={filter.kind === kind ? "page" : undefined}
                    className="inline-flex min-h-11 items-center rounded-full border border-line px-4 font-medium hover:bg-raised aria-[current=page]:border-accent aria-[current=page]:bg-accent aria-[current=page]:text-on-accent"
                  >
                    {filter.label}
                  </Link>
                </li>
              ))}
            </ul>
          </nav>
          <Suspense key={`${kind}:${page}`} fallback={<ListSkeleton />}>
            <AuditList kind={kind} page={page} />
          </Suspense>
        </Card>
      </HydrateClient>
    </TRPCReactProvider>
  );
}
