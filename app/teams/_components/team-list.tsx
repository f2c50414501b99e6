"use client";

import { useSuspenseQuery } from "@tanstack/react-query";
import Link from "next/link";
import { useTranslations } from "next-intl";

import { teamRoleLabel } from "../../_components/role-labels";
import { useTRPC } from "../../_trpc/client";

export function TeamList({ canCreate }: { canCreate: boolean }) {
  const t = useTranslations("teams");
  const common = useTranslations("common");
  const trpc = useTRPC();
  const { data: teams } = useSuspenseQuery(trpc.team.list.queryOptions());
  if (teams.length === 0) {
    return (
      <p className="text-muted">{canCreate ? t("list.emptyCanCreate") : t("list.emptyMember")}</p>
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
              {t("list.memberCount", { count: team.memberCount })}
              {team.role && ` · ${teamRoleLabel(common, team.role)}`}
            </span>
          </Link>
        </li>
      ))}
    </ul>
  );
}
