"use client";

import { useSuspenseQuery } from "@tanstack/react-query";
import Link from "next/link";

import { useTRPC } from "../../_trpc/client";
import { teamRoleLabel } from "../../_components/role-labels";

export function TeamList({ canCreate }: { canCreate: boolean }) {
  const trpc = useTRPC();
  const { data: teams } = useSuspenseQuery(trpc.team.list.queryOptions());
  if (teams.length === 0) {
    return (
      <p className="text-muted">
        {canCreate
          ? "No teams yet. Create one to invite people and run sessions with them."
          : "You are not in a team yet. A facilitator can invite you with a link."}
      </p>
    );
  }
  return (
    <ul className="flex flex-col gap-2">
      {teams.map((team) => (
        <li key={team.id}>
          <Link
            href={`/teams/${team.slug}`}
            className="flex min-h-11 flex-wrap items-center justify-between gap-x-4 gap-y-1 rounded-lg border border-line px-3 py-2 hover:bg-raised"
          >
            <span className="min-w-0 font-medium break-words">{team.name}</span>
            <span className="text-sm text-muted">
              {team.memberCount} {team.memberCount === 1 ? "member" : "members"}
              {team.role && ` · ${teamRoleLabel[team.role]}`}
            </span>
          </Link>
        </li>
      ))}
    </ul>
  );
}
