import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { Suspense } from "react";

import { auditKinds, type AuditKind } from "~/server/admin/audit-kinds";

import { HydrateClient, prefetch, trpc } from "../../_trpc/server";
import { TRPCReactProvider } from "../../_trpc/client";
import { ListSkeleton } from "../../_components/list-skeleton";
import { Card, PageTitle } from "../../_components/ui";
import { listParams, requireAdmin } from "../_components/require-admin";
import { AuditList } from "./_components/audit-list";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("admin.audit");
  return { title: t("metaTitle") };
}

const filters: (AuditKind | null)[] = [null, ...auditKinds];

export default async function AdminAuditPage({
  searchParams,
}: {
  searchParams: Promise<{ kind?: string | string[]; page?: string | string[] }>;
}) {
  await requireAdmin("/admin/audit");
  const t = await getTranslations("admin.audit");
  const params = await searchParams;
  const { page } = listParams(params);
  const kind = auditKinds.find((known) => known === params.kind) ?? null;
  prefetch(trpc.adminAudit.list.queryOptions({ kind, page }));

  return (
    <TRPCReactProvider>
      <HydrateClient>
        <PageTitle lead={t("lead")}>{t("title")}</PageTitle>
        <Card>
          <nav aria-label={t("kindsLabel")} className="mb-4">
            <ul className="flex flex-wrap gap-2">
              {filters.map((filter) => (
                <li key={filter ?? "all"}>
                  <Link
                    href={filter ? `/admin/audit?kind=${filter}` : "/admin/audit"}
                    aria-current={filter === kind ? "page" : undefined}
                    className="inline-flex min-h-11 items-center rounded-full border border-line px-4 font-medium hover:bg-raised aria-[current=page]:border-accent aria-[current=page]:bg-accent aria-[current=page]:text-on-accent"
                  >
                    {filter ? t(`kinds.${filter}`) : t("allChanges")}
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
