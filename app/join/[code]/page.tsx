import { randomBytes } from "node:crypto";

import { and, eq, isNull } from "drizzle-orm";
import type { Metadata } from "next";
import { cookies } from "next/headers";
import { getTranslations } from "next-intl/server";

import { participants } from "~/db/schema";
import { getCurrentUser } from "~/server/auth/current-user";
import { renderMarkdown } from "~/server/content/markdown";
import { getDatabase } from "~/server/db";
import { env } from "~/server/env";
import { formatJoinCode, normalizeJoinCode } from "~/server/sessions/join-code";
import {
  participantCookieName,
  verifyParticipantCookie,
} from "~/server/sessions/participant-cookie";
import { loadRoomSnapshot, phoneRoomView } from "~/server/sessions/snapshot";

import { JoinCodeForm } from "../../_components/join-code-form";
import { decodeSegment } from "../../_components/path-segment";
import { Card, PageTitle } from "../../_components/ui";
import { serverCaller } from "../../_trpc/server-caller";
import { JoinForm } from "./_components/join-form";
import { PhoneSession } from "./_components/phone-session";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("phone");
  return { title: t("page.title") };
}

/** The participant this browser already is in the session, if its cookie says so. */
async function currentParticipant(sessionId: string) {
  const cookie = (await cookies()).get(participantCookieName(sessionId))?.value;
  const id = verifyParticipantCookie(env.AUTH_SECRET, sessionId, cookie);
  if (!id) return null;
  const [participant] = await getDatabase()
    .db.select({ id: participants.id })
    .from(participants)
    .where(and(eq(participants.id, id), isNull(participants.removedAt)));
  return participant ?? null;
}

export default async function JoinPage({ params }: { params: Promise<{ code: string }> }) {
  const typed = decodeSegment((await params).code, 20) || "-";
  const t = await getTranslations("phone");
  const caller = await serverCaller();
  const result = await caller.join.lookUp({ code: typed });

  if (result.status === "live") {
    const code = normalizeJoinCode(typed)!;
    if (await currentParticipant(result.sessionId)) {
      const [state, room] = await Promise.all([
        caller.participant.state({ sessionId: result.sessionId }),
        loadRoomSnapshot(getDatabase().db, result.sessionId),
      ]);
      return (
        <div className="mx-auto w-full max-w-xl">
          <PhoneSession
            sessionId={result.sessionId}
            initialRoom={phoneRoomView(room.snapshot)}
            state={state}
            essayHtml={await renderMarkdown(state.content.markdown)}
          />
        </div>
      );
    }
    const user = await getCurrentUser();
    return (
      <Card className="mx-auto w-full max-w-md">
        <PageTitle lead={t("page.codeLead", { code: formatJoinCode(code) })}>
          {result.title}
        </PageTitle>
        <JoinForm
          code={code}
          joinKey={randomBytes(16).toString("base64url")}
          signedInAs={user?.name ?? null}
        />
      </Card>
    );
  }

  if (result.status === "rate_limited") {
    return (
      <Card className="mx-auto w-full max-w-xl">
        <PageTitle
          lead={t("page.rateLimitedLead", { minutes: Math.ceil(result.retryAfterSeconds / 60) })}
        >
          {t("page.rateLimitedTitle")}
        </PageTitle>
      </Card>
    );
  }

  const shown = result.status === "malformed" ? typed : formatJoinCode(normalizeJoinCode(typed)!);
  const message = {
    malformed: t("page.malformed", { code: shown === "-" ? "" : shown }),
    unknown: t("page.unknown", { code: shown }),
    ended: t("page.ended", { code: shown }),
  }[result.status];

  return (
    <Card className="mx-auto w-full max-w-xl">
      <JoinCodeForm defaultCode={result.status === "malformed" ? "" : shown} error={message} />
    </Card>
  );
}
