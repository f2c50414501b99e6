import { TRPCError } from "@trpc/server";
import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { cache, Suspense } from "react";

import { TRPCReactProvider } from "../../../../_trpc/client";
import { HydrateClient, prefetch, serverCaller, trpc } from "../../../../_trpc/server";
import { ListSkeleton } from "../../../../_components/list-skeleton";
import { PageTitle } from "../../../../_components/ui";
import { requireAdmin } from "../../../_components/require-admin";
import { essayIdFromPath } from "../../_lib/essay-id";
import { VersionHistory } from "./_components/version-history";

type Props = { params: Promise<{ essayId: string }> };

const loadHistory = cache(async (essayId: string) => {
  await requireAdmin(`/admin/content/${essayId}/history`);
  try {
    return await (
      await serverCaller()
    ).adminContent.versions({ essayId: essayIdFromPath(essayId) });
  } catch (error) {
    if (error instanceof TRPCError && error.code === "NOT_FOUND") notFound();
    throw error;
  }
});

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const [{ essay }, t] = await Promise.all([
    loadHistory((await params).essayId),
    getTranslations("admin.history"),
  ]);
  return { title: t("metaTitle", { title: essay.title }) };
}

/** Every published version of a workshop, and what changed between any two of them. */
export default async function VersionHistoryPage({ params }: Props) {
  const { essay } = await loadHistory((await params).essayId);
  const t = await getTranslations("admin.history");
  prefetch(trpc.adminContent.versions.queryOptions({ essayId: essay.id }));
  return (
    <TRPCReactProvider>
      <HydrateClient>
        <nav
          aria-label={t("breadcrumb")}
          className="mb-2 flex flex-wrap gap-x-2 text-sm text-muted"
        >
          <Link href="/admin/content" className="underline-offset-4 hover:underline">
            {t("contentLibrary")}
          </Link>
          <span aria-hidden="true">/</span>
          <Link href={`/admin/content/${essay.id}`} className="underline-offset-4 hover:underline">
            {essay.title}
          </Link>
        </nav>
        <PageTitle lead={t("lead")}>{t("title")}</PageTitle>
        <Suspense fallback={<ListSkeleton />}>
          <VersionHistory essayId={essay.id} />
        </Suspense>
      </HydrateClient>
    </TRPCReactProvider>
  );
}
