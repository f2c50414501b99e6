import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { Suspense } from "react";

import { TRPCReactProvider } from "../../_trpc/client";
import { HydrateClient, prefetch, trpc } from "../../_trpc/server";
import { ListSkeleton } from "../../_components/list-skeleton";
import { Card, PageTitle } from "../../_components/ui";
import { ContentLibrary } from "./_components/content-library";
import { NewEssayForm } from "./_components/new-essay-form";
import { requireAdmin } from "../_components/require-admin";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("admin.content");
  return { title: t("metaTitle") };
}

/** Every workshop, its versions and how often each ran; new workshops start here. */
export default async function ContentLibraryPage() {
  await requireAdmin("/admin/content");
  const t = await getTranslations("admin.content");
  prefetch(trpc.adminContent.list.queryOptions());
  return (
    <TRPCReactProvider>
      <HydrateClient>
        <PageTitle lead={t("lead")}>{t("title")}</PageTitle>
        <div className="grid items-start gap-6 lg:grid-cols-[minmax(0,1fr)_20rem]">
          <section aria-labelledby="workshops-heading" className="order-2 lg:order-1">
            <h2 id="workshops-heading" className="sr-only">
              {t("workshops")}
            </h2>
            <Suspense fallback={<ListSkeleton />}>
              <ContentLibrary />
            </Suspense>
          </section>
          <Card className="order-1 lg:order-2">
            <h2 className="mb-3 text-lg font-semibold">{t("newWorkshop")}</h2>
            <NewEssayForm />
          </Card>
        </div>
      </HydrateClient>
    </TRPCReactProvider>
  );
}
