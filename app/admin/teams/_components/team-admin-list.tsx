"use client";

import { useSuspenseQuery } from "@tanstack/react-query";
import Link from "next/link";
import { useState } from "react";

import { useTRPC } from "../../../_trpc/client";
import { Card } from "../../../_components/ui";
import { Pager } from "../../_components/list-controls";
import { AddMemberForm } from "./add-member-form";
import { MemberRow } from "./member-row";

export function TeamAdminList({ search, page }: { search: string; page: number }) {
  const trpc = useTRPC();
  const { data } = useSuspenseQuery(trpc.adminTeams.list.queryOptions({ search, page }));
  const { data: choices } = useSuspenseQuery(trpc.adminTeams.choices.queryOptions());
  const [announcement, setAnnouncement] = useState("");
  if (data.teams.length === 0) {
    return (
      <Card>
        <p className="text-muted">
          {search
            ? `No team matches “${search}”.`
            : "No teams yet. Facilitators and admins create them on the Teams page."}
        </p>
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
      <ul aria-label="Teams" className="flex flex-col gap-6">
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
                    className="text-sm text-muted underline-offset-4 hover:underline"
                  >
                    Open team page<span className="sr-only"> of {team.name}</span>
                  </Link>
                </div>
                <p className="mb-3 text-sm text-muted">
                  {facilitators === 1 ? "1 facilitator" : `${facilitators} facilitators`} ·{" "}
                  {team.members.length === 1 ? "1 person" : `${team.members.length} people`}
                </p>
                {team.members.length === 0 ? (
                  <p className="mb-4 text-muted">Nobody is in this team.</p>
                ) : (
                  <ul
                    aria-label={`People in ${team.name}`}
                    className="mb-4 flex flex-col divide-y divide-line"
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
