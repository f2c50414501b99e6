import { TRPCError } from "@trpc/server";
import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { cache, Suspense } from "react";

import { renderMarkdown } from "~/server/content/markdown";

import { TRPCReactProvider } from "../../../_trpc/client";
import { HydrateClient, prefetch, serverCaller, trpc } from "../../../_trpc/server";
import { ListSkeleton } from "../../../_components/list-skeleton";
import { PageTitle } from "../../../_components/ui";
import { requireAdmin } from "../../_components/require-admin";
import { essayIdFromPath } from "../_lib/essay-id";
import { EssayEditor } from "./_components/essay-editor";

type Props = { params: Promise<{ essayId: string }> };

const loadEssay = cache(async (essayId: string) => {
  await requireAdmin(`/admin/content/${essayId}`);
  try {
    return await (await serverCaller()).adminContent.byId({ essayId: essayIdFromPath(essayId) });
  } catch (error) {
    if (error instanceof TRPCError && error.code === "NOT_FOUND") notFound();
    throw error;
  }
});

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const [essay, t] = await Promise.all([
    loadEssay((await params).essayId),
    getTranslations("admin.editor"),
  ]);
  return { title: t("metaTitle", { title: essay.draft.title }) };
}

export default async function EssayEditorPage({ params }: Props) {
  const essay = await loadEssay((await params).essayId);
  const t = await getTranslations("admin.editor");
  prefetch(trpc.adminContent.byId.queryOptions({ essayId: essay.id }));
  return (
    <TRPCReactProvider>
      <HydrateClient>
        <nav aria-label={t("breadcrumb")} className="mb-2 text-sm">
          <Link href="/admin/content" className="text-muted underline-offset-4 hover:underline">
            {t("contentLibrary")}
          </Link>
        </nav>
        <PageTitle
          lead={
            essay.latestVersion
              ? t("leadWithVersion", { number: essay.latestVersion.number })
              : t("leadFirst")
          }
        >
          {essay.draft.title}
        </PageTitle>
        <Suspense fallback={<ListSkeleton />}>
          <EssayEditor
            essayId={essay.id}
            initialHtml={await renderMarkdown(essay.draft.markdown)}
          />
        </Suspense>
      </HydrateClient>
    </TRPCReactProvider>
  );
}
