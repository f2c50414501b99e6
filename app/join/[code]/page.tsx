import type { Metadata } from "next";

import { formatJoinCode, normalizeJoinCode } from "~/server/sessions/join-code";

import { serverCaller } from "../../_trpc/server";
import { JoinCodeForm } from "../../_components/join-code-form";
import { Card, PageTitle } from "../../_components/ui";

export const metadata: Metadata = { title: "Join a session" };

export default async function JoinPage({ params }: { params: Promise<{ code: string }> }) {
  const typed = decodeURIComponent((await params).code).slice(0, 20);
  const caller = await serverCaller();
  const result = await caller.join.lookUp({ code: typed });

  if (result.status === "live") {
    return (
      <Card className="mx-auto max-w-xl">
        <PageTitle lead={`Code ${formatJoinCode(normalizeJoinCode(typed) ?? typed)}`}>
          {result.title}
        </PageTitle>
        <p>This session is live. Joining it from your phone opens here.</p>
      </Card>
    );
  }

  const shown = result.status === "malformed" ? typed : formatJoinCode(normalizeJoinCode(typed)!);
  const message = {
    malformed: `“${shown === "-" ? "" : shown}” isn't a join code. A code has 6 letters and digits, like ABC-DEF.`,
    unknown: `No session uses the code ${shown}. Check the code on the big screen and try again.`,
    ended: `The session with the code ${shown} has ended. Ask your facilitator for the new code.`,
  }[result.status];

  return (
    <Card className="mx-auto w-full max-w-xl">
      <JoinCodeForm defaultCode={result.status === "malformed" ? "" : shown} error={message} />
    </Card>
  );
}
