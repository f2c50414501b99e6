"use client";

import { useSuspenseQuery } from "@tanstack/react-query";
import Link from "next/link";
import { useTranslations } from "next-intl";
import { useState } from "react";

import { useTRPC } from "../../../_trpc/client";
import { Card } from "../../../_components/ui";
import { Pager } from "../../_components/list-controls";
import { AddMemberForm } from "./add-member-form";
import { MemberRow } from "./member-row";

export function TeamAdminList({ search, page }: { search: string; page: number }) {
  const t = useTranslations("admin.teams.list");
  const trpc = useTRPC();
  const { data } = useSuspenseQuery(trpc.adminTeams.list.queryOptions({ search, page }));
  const { data: choices } = useSuspenseQuery(trpc.adminTeams.choices.queryOptions());
  const [announcement, setAnnouncement] = useState("");
  if (data.teams.length === 0) {
    return (
      <Card>
        <p className="text-muted">{search ? t("noMatch", { search }) : t("empty")}</p>
      </Card>
    );
  }
  return (
    <>
      {/* The live region is always there, so screen readers hear what is put into it. */}
      <div role="status" className="sticky top-2 z-10 mb-4 empty:hidden">
        {announcement && (
          <p className="rounded-lg border border-ok bg-ok-soft px-4 py-3 text-ok">{announcement}</p>
        )}
      </div>
      <ul aria-label={t("label")} className="flex flex-col gap-6">
        {data.teams.map((team) => {
          const facilitators = team.members.filter((m) => m.role === "facilitator").length;
          const headingId = `team-${team.id}-name`;
          return (
            <li key={team.id} aria-labelledby={headingId}>
              <Card>
                <div className="mb-3 flex flex-wrap items-baseline justify-between gap-x-4 gap-y-1">
                  <h2 id={headingId} className="text-lg font-semibold break-words">
                    {team.name}
                  </h2>
                  <Link
                    href={`/teams/${team.slug}`}
                    className="inline-flex min-h-11 items-center text-sm font-semibold text-accent underline underline-offset-4"
                  >
                    {t("openTeamPage")}
                    <span className="sr-only"> {t("openTeamPageOf", { team: team.name })}</span>
                  </Link>
                </div>
                <p className="mb-3 text-sm text-muted">
                  {t("peopleCount", { people: team.members.length, facilitators })}
                </p>
                {team.members.length === 0 ? (
                  <p className="mb-4 text-muted">{t("nobody")}</p>
                ) : (
                  <ul
                    aria-label={t("peopleIn", { team: team.name })}
                    className="@container mb-4 flex flex-col divide-y divide-line"
                  >
                    {team.members.map((member) => (
                      <MemberRow
                        key={member.userId}
                        team={team}
                        member={member}
                        otherTeams={choices.filter((choice) => choice.id !== team.id)}
                        announce={setAnnouncement}
                      />
                    ))}
                  </ul>
                )}
                <AddMemberForm teamId={team.id} teamName={team.name} />
              </Card>
            </li>
          );
        })}
      </ul>
      <Pager path="/admin/teams" params={{ q: search }} page={page} hasMore={data.hasMore} />
    </>
  );
}
