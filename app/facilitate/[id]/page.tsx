import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";

import { HydrateClient, prefetch, trpc } from "../../_trpc/server";
import { TRPCReactProvider } from "../../_trpc/client";
import { loadFacilitatedSession } from "../_lib/session-access";
import { FacilitatorConsole } from "./_components/facilitator-console";

type Props = { params: Promise<{ id: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { id } = await params;
  const [session, t] = await Promise.all([
    loadFacilitatedSession(id, `/facilitate/${id}`),
    getTranslations("facilitate"),
  ]);
  return { title: t("metaTitle", { title: session.title }) };
}

/** The facilitator's console: drives the stages, the timer and moderation of one live session. */
export default async function FacilitatePage({ params }: Props) {
  const { id } = await params;
  await loadFacilitatedSession(id, `/facilitate/${id}`);
  prefetch(trpc.session.byId.queryOptions({ sessionId: id }));
  return (
    <TRPCReactProvider>
      <HydrateClient>
        <FacilitatorConsole sessionId={id} />
      </HydrateClient>
    </TRPCReactProvider>
  );
}
