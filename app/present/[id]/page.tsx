import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";

import { getDatabase } from "~/server/db";
import { loadConsoleSnapshot, presenterView } from "~/server/sessions/snapshot";

import { loadFacilitatedSession } from "../../facilitate/_lib/session-access";
import { PresenterScreen } from "./_components/presenter-screen";

type Props = { params: Promise<{ id: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { id } = await params;
  const session = await loadFacilitatedSession(id, `/present/${id}`);
  const t = await getTranslations("present");
  return { title: t("metaTitle", { title: session.title }) };
}

/** The big screen of a live session, opened by a facilitator on the projector laptop. */
export default async function PresentPage({ params }: Props) {
  const { id } = await params;
  const details = await loadFacilitatedSession(id, `/present/${id}`);
  // The room as it is now, drawn by the server: the code and QR code are in the first paint,
  // not after the scripts load and the live feed connects. The feed then sends only changes.
  const room = await loadConsoleSnapshot(getDatabase().db, id);
  return (
    <PresenterScreen
      sessionId={id}
      details={details}
      initial={{ eventId: room.eventId, snapshot: presenterView(room.snapshot) }}
    />
  );
}
