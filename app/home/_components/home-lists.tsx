"use client";

import { useSuspenseQuery } from "@tanstack/react-query";
import Link from "next/link";

import { useTRPC } from "../../_trpc/client";
import { teamRoleLabel } from "../../_components/role-labels";

export function MyTeams() {
  const trpc = useTRPC();
  const { data: teams } = useSuspenseQuery(trpc.account.teams.queryOptions());
  if (teams.length === 0) {
    return (
      <p className="text-muted">
        You are not in a team yet. A facilitator can invite you with a link.
      </p>
    );
  }
  return (
    <ul className="flex flex-col gap-2">
      {teams.map((team) => (
        <li key={team.id}>
          <Link
            href={`/teams/${team.slug}`}
            className="flex min-h-11 items-center justify-between rounded-lg border border-line px-3 hover:bg-raised"
          >
            <span className="font-medium">{team.name}</span>
            <span className="text-sm text-muted">{teamRoleLabel[team.role]}</span>
          </Link>
        </li>
      ))}
    </ul>
  );
}

export function WorkshopLinks() {
  const trpc = useTRPC();
  const { data: essays } = useSuspenseQuery(trpc.content.list.queryOptions());
  if (essays.length === 0) return <p className="text-muted">No published workshops yet.</p>;
  return (
    <ul className="flex flex-col gap-2">
      {essays.map((essay) => (
        <li key={essay.slug}>
          <Link
            href={`/library/${essay.slug}`}
            className="flex min-h-11 flex-col justify-center rounded-lg border border-line px-3 py-2 hover:bg-raised"
          >
            <span className="font-medium">{essay.title}</span>
            <span className="text-sm text-muted">
              {essay.practiceCount} practices · version {essay.versionNumber}
            </span>
          </Link>
        </li>
      ))}
    </ul>
  );
}
