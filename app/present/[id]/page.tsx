import type { Metadata } from "next";

import { HydrateClient, prefetch, trpc } from "../../_trpc/server";
import { TRPCReactProvider } from "../../_trpc/client";
import { loadFacilitatedSession } from "../../facilitate/_lib/session-access";
import { PresenterScreen } from "./_components/presenter-screen";

type Props = { params: Promise<{ id: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { id } = await params;
  const session = await loadFacilitatedSession(id, `/present/${id}`);
  return { title: `Presenter · ${session.title}` };
}

/** The big screen of a live session, opened by a facilitator on the projector laptop. */
export default async function PresentPage({ params }: Props) {
  const { id } = await params;
  await loadFacilitatedSession(id, `/present/${id}`);
  prefetch(trpc.session.byId.queryOptions({ sessionId: id }));
  return (
    <TRPCReactProvider>
      <HydrateClient>
        <PresenterScreen sessionId={id} />
      </HydrateClient>
    </TRPCReactProvider>
  );
}
