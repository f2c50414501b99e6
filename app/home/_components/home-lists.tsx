"use client";

import { useSuspenseQuery } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import Link from "next/link";

import { useTRPC } from "../../_trpc/client";

export function WorkshopLinks() {
  const t = useTranslations("home.home");
  const trpc = useTRPC();
  const { data: essays } = useSuspenseQuery(trpc.content.list.queryOptions());
  if (essays.length === 0) return <p className="text-muted">{t("noWorkshops")}</p>;
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
              {t("workshopMeta", { count: essay.practiceCount, version: essay.versionNumber })}
            </span>
          </Link>
        </li>
      ))}
    </ul>
  );
}
