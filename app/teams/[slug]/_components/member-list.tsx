"use client";

import { useSuspenseQuery } from "@tanstack/react-query";
import { useTranslations } from "next-intl";

import { useTRPC } from "../../../_trpc/client";
import { teamRoleLabel } from "../../../_components/role-labels";

export function MemberList({ teamId }: { teamId: string }) {
  const t = useTranslations("teams.members");
  const common = useTranslations("common");
  const trpc = useTRPC();
  const { data: members } = useSuspenseQuery(trpc.team.members.queryOptions({ teamId }));
  if (members.length === 0) {
    return <p className="text-muted">{t("empty")}</p>;
  }
  return (
    <ul className="flex flex-col divide-y divide-line" aria-label={t("label")}>
      {members.map((member) => (
        <li
          key={member.userId}
          className="flex items-start justify-between gap-3 py-3 first:pt-0 last:pb-0"
        >
          <div className="flex min-w-0 flex-1 flex-col">
            <span className="font-medium break-words">{member.name}</span>
            <span className="text-sm break-all text-muted">{member.email}</span>
          </div>
          <span
            className={
              member.role === "facilitator"
                ? "shrink-0 rounded-full bg-raised px-2.5 py-0.5 text-sm font-medium"
                : "shrink-0 rounded-full border border-line px-2.5 py-0.5 text-sm text-muted"
            }
          >
            {teamRoleLabel(common, member.role)}
          </span>
        </li>
      ))}
    </ul>
  );
}
