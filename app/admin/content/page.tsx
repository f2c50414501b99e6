import type { Metadata } from "next";
import { Suspense } from "react";

import { TRPCReactProvider } from "../../_trpc/client";
import { HydrateClient, prefetch, trpc } from "../../_trpc/server";
import { ListSkeleton } from "../../_components/list-skeleton";
import { Card, PageTitle } from "../../_components/ui";
import { ContentLibrary } from "./_components/content-library";
import { NewEssayForm } from "./_components/new-essay-form";
import { requireAdmin } from "../_components/require-admin";

export const metadata: Metadata = { title: "Content library" };

/** Every workshop, its versions and how often each ran; new workshops start here. */
export default async function ContentLibraryPage() {
  await requireAdmin("/admin/content");
  prefetch(trpc.adminContent.list.queryOptions());
  return (
    <TRPCReactProvider>
      <HydrateClient>
        <PageTitle lead="Workshops are essays with practices and prompts. Sessions keep the version they started with, so editing never changes what a past session saw.">
          Content library
        </PageTitle>
        <div className="grid items-start gap-6 lg:grid-cols-[minmax(0,1fr)_20rem]">
          <section aria-labelledby="workshops-heading" className="order-2 lg:order-1">
            <h2 id="workshops-heading" className="sr-only">
              Workshops
            </h2>
            <Suspense fallback={<ListSkeleton />}>
              <ContentLibrary />
            </Suspense>
          </section>
          <Card className="order-1 lg:order-2">
            <h2 className="mb-3 text-lg font-semibold">New workshop</h2>
            <NewEssayForm />
          </Card>
        </div>
      </HydrateClient>
    </TRPCReactProvider>
  );
}
