"use client";

import { useSuspenseQuery } from "@tanstack/react-query";
import Link from "next/link";
import { useTranslations } from "next-intl";

import { LocalDate } from "../../../_components/local-date";
import { stageName } from "../../../_components/session-stages";
import { buttonClass } from "../../../_components/ui";
import { useTRPC } from "../../../_trpc/client";

/**
 * The team's sessions, newest first; each links to its summary, live ones also to the console
 * and the big screen.
 */
export function TeamSessions({ teamId, canManage }: { teamId: string; canManage: boolean }) {
  const t = useTranslations("teams.sessions");
  const common = useTranslations("common");
  const trpc = useTRPC();
  const { data: sessions } = useSuspenseQuery(trpc.session.listForTeam.queryOptions({ teamId }));
  // What each session decided, from the dashboard's data (the page prefetches both).
  const { data: dashboard } = useSuspenseQuery(trpc.dashboard.team.queryOptions({ teamId }));
  const decided = new Map(dashboard.sessions.map((session) => [session.id, session]));
  if (sessions.length === 0) {
    return <p className="text-muted">{canManage ? t("emptyCanManage") : t("empty")}</p>;
  }
  return (
    <ul className="flex flex-col divide-y divide-line" aria-label={t("label")}>
      {sessions.map((session) => {
        const live = session.endedAt === null;
        const code = `${session.joinCode.slice(0, 3)}-${session.joinCode.slice(3)}`;
        const facts = decided.get(session.id);
        return (
          <li key={session.id} className="flex flex-wrap items-center gap-3 py-3">
            <div className="flex min-w-48 flex-1 basis-48 flex-col">
              <span className="font-medium break-words">{session.title}</span>
              <span className="text-sm text-muted">
                <LocalDate date={session.createdAt} /> · {session.workshop}
              </span>
              <span className="text-sm text-muted">
                {facts
                  ? t("facts", {
                      people: session.participantCount,
                      practices: facts.practicesAdopted,
                      actions: facts.actionsKept,
                    })
                  : t("tookPart", { count: session.participantCount })}
              </span>
            </div>
            {live ? (
              <span className="rounded-full bg-ok-soft px-2.5 py-0.5 text-sm font-medium text-ok">
                {t("live", { stage: stageName(common, session.stage), code })}
              </span>
            ) : (
              <span className="rounded-full border border-line px-2.5 py-0.5 text-sm text-muted">
                {t("ended")}
              </span>
            )}
            <div className="flex flex-wrap gap-2">
              {live && canManage && (
                <>
                  <Link href={`/facilitate/${session.id}`} className={buttonClass("secondary")}>
                    {t("console")}
                  </Link>
                  <Link
                    href={`/present/${session.id}`}
                    target="_blank"
                    className={buttonClass("ghost")}
                  >
                    {t("presenter")}
                  </Link>
                </>
              )}
              <Link
                href={`/sessions/${session.id}/summary`}
                className={buttonClass("ghost")}
                aria-label={t("summaryOf", { title: session.title })}
              >
                {t("summary")}
              </Link>
            </div>
          </li>
        );
      })}
    </ul>
  );
}
