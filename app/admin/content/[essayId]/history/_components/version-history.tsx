"use client";

import { useSuspenseQuery } from "@tanstack/react-query";
import { useState } from "react";

import { LocalDate } from "../../../../../_components/local-date";
import { Card, inputClass } from "../../../../../_components/ui";
import { useTRPC } from "../../../../../_trpc/client";
import { VersionDiffView } from "./version-diff";

/** The versions, newest first, and a comparison of two picked ones (latest two by default). */
export function VersionHistory({ essayId }: { essayId: string }) {
  const trpc = useTRPC();
  const { data } = useSuspenseQuery(trpc.adminContent.versions.queryOptions({ essayId }));
  const { versions } = data;
  const [toId, setToId] = useState(versions[0]?.id ?? "");
  const [fromId, setFromId] = useState(versions[1]?.id ?? versions[0]?.id ?? "");

  if (versions.length === 0) {
    return <p className="text-muted">Not published yet: there are no versions to show.</p>;
  }

  return (
    <div className="grid items-start gap-6 lg:grid-cols-[20rem_minmax(0,1fr)]">
      <Card>
        <h2 className="mb-3 text-lg font-semibold">Versions</h2>
        <ol className="flex flex-col divide-y divide-line" aria-label="Versions">
          {versions.map((version) => (
            <li key={version.id} className="flex flex-col gap-0.5 py-2">
              <span className="font-medium">
                Version {version.number}
                <span className="font-normal text-muted"> · {version.title}</span>
              </span>
              <span className="text-sm text-muted">
                Published <LocalDate date={version.publishedAt} withTime /> by{" "}
                {version.publishedBy ?? "the installer (seeded)"}
              </span>
              <span className="text-sm text-muted">
                {version.sessionCount === 1 ? "1 session" : `${version.sessionCount} sessions`}
              </span>
            </li>
          ))}
        </ol>
      </Card>
      <Card>
        <h2 className="mb-3 text-lg font-semibold">Compare versions</h2>
        {versions.length < 2 ? (
          <p className="text-muted">There is one version so far: publish again to compare.</p>
        ) : (
          <>
            <div className="mb-4 grid gap-3 sm:grid-cols-2">
              {(
                [
                  ["From", fromId, setFromId],
                  ["To", toId, setToId],
                ] as const
              ).map(([label, value, set]) => (
                <label key={label} className="flex flex-col gap-1.5">
                  <span className="font-medium">{label}</span>
                  <select
                    className={inputClass}
                    value={value}
                    onChange={(event) => set(event.target.value)}
                  >
                    {versions.map((version) => (
                      <option key={version.id} value={version.id}>
                        Version {version.number}
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
