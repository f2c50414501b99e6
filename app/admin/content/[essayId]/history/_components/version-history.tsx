"use client";

import { useSuspenseQuery } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { useState } from "react";

import { LocalDate } from "../../../../../_components/local-date";
import { Card, inputClass } from "../../../../../_components/ui";
import { useTRPC } from "../../../../../_trpc/client";
import { VersionDiffView } from "./version-diff";

/** The versions, newest first, and a comparison of two picked ones (latest two by default). */
export function VersionHistory({ essayId }: { essayId: string }) {
  const t = useTranslations("admin.history");
  const trpc = useTRPC();
  const { data } = useSuspenseQuery(trpc.adminContent.versions.queryOptions({ essayId }));
  const { versions } = data;
  const [toId, setToId] = useState(versions[0]?.id ?? "");
  const [fromId, setFromId] = useState(versions[1]?.id ?? versions[0]?.id ?? "");

  if (versions.length === 0) {
    return <p className="text-muted">{t("notPublished")}</p>;
  }

  return (
    <div className="grid items-start gap-6 lg:grid-cols-[20rem_minmax(0,1fr)]">
      <Card>
        <h2 className="mb-3 text-lg font-semibold">{t("versions")}</h2>
        <ol className="flex flex-col divide-y divide-line" aria-label={t("versions")}>
          {versions.map((version) => (
            <li key={version.id} className="flex flex-col gap-0.5 py-2">
              <span className="font-medium">
                {t("version", { number: version.number })}
                <span className="font-normal text-muted"> · {version.title}</span>
              </span>
              <span className="text-sm text-muted">
                {version.publishedBy
                  ? t.rich("published", {
                      name: version.publishedBy,
                      date: () => <LocalDate date={version.publishedAt} withTime />,
                    })
                  : t.rich("installed", {
                      date: () => <LocalDate date={version.publishedAt} withTime />,
                    })}
              </span>
              <span className="text-sm text-muted">
                {t("sessionCount", { count: version.sessionCount })}
              </span>
            </li>
          ))}
        </ol>
      </Card>
      <Card>
        <h2 className="mb-3 text-lg font-semibold">{t("compare")}</h2>
        {versions.length < 2 ? (
          <p className="text-muted">{t("oneVersion")}</p>
        ) : (
          <>
            <div className="mb-4 grid gap-3 sm:grid-cols-2">
              {(
                [
                  ["from", fromId, setFromId],
                  ["to", toId, setToId],
                ] as const
              ).map(([label, value, set]) => (
                <label key={label} className="flex flex-col gap-1.5">
                  <span className="font-medium">{t(label)}</span>
                  <select
                    className={inputClass}
                    value={value}
                    onChange={(event) => set(event.target.value)}
                  >
                    {versions.map((version) => (
                      <option key={version.id} value={version.id}>
                        {t("version", { number: version.number })}
                      </option>
                    ))}
                  </select>
                </label>
              ))}
            </div>
            <VersionDiffView essayId={essayId} fromVersionId={fromId} toVersionId={toId} />
          </>
        )}
      </Card>
    </div>
  );
}
