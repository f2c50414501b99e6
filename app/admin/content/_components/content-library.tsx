"use client";

import { useMutation, useQueryClient, useSuspenseQuery } from "@tanstack/react-query";
import Link from "next/link";

import { ConfirmAction } from "../../../_components/confirm-action";
import { LocalDate } from "../../../_components/local-date";
import { Alert, buttonClass } from "../../../_components/ui";
import { useTRPC } from "../../../_trpc/client";
import { StatusBadge, UnpublishedBadge } from "./status-badge";

const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

/** The workshops with their status and versions, each version with how many sessions used it. */
export function ContentLibrary() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const { data: essays } = useSuspenseQuery(trpc.adminContent.list.queryOptions());
  const refresh = () => queryClient.invalidateQueries(trpc.adminContent.pathFilter());
  const archive = useMutation(trpc.adminContent.archive.mutationOptions({ onSuccess: refresh }));
  const unarchive = useMutation(
    trpc.adminContent.unarchive.mutationOptions({ onSuccess: refresh }),
  );
  const error = archive.error ?? unarchive.error;

  if (essays.length === 0) {
    return <p className="text-muted">No workshops yet. Create the first one.</p>;
  }

  return (
    <div className="flex flex-col gap-4">
      {error && <Alert tone="error">{error.message}</Alert>}
      <ul className="flex flex-col gap-4" aria-label="Workshops">
        {essays.map((essay) => {
          const latest = essay.versions[0];
          const sessions = essay.versions.reduce((sum, v) => sum + v.sessionCount, 0);
          return (
            <li
              key={essay.id}
              className="rounded-2xl border border-line bg-surface p-4 sm:p-5"
              aria-labelledby={`essay-${essay.id}`}
            >
              <div className="flex flex-wrap items-start justify-between gap-3">
                <div className="flex min-w-0 flex-col gap-1">
                  <h3 id={`essay-${essay.id}`} className="text-lg font-semibold break-words">
                    {essay.title}
                  </h3>
                  <p className="text-sm text-muted">
                    {plural(essay.practiceCount, "practice", "practices")} ·{" "}
                    {latest ? `version ${latest.number}` : "never published"} ·{" "}
                    {plural(sessions, "session", "sessions")}
                  </p>
                </div>
                <div className="flex flex-wrap items-center gap-2">
                  <StatusBadge status={essay.status} />
                  {essay.hasUnpublishedChanges && essay.status !== "archived" && (
                    <UnpublishedBadge />
                  )}
                </div>
              </div>

              {essay.versions.length > 0 && (
                <details className="mt-3 rounded-lg border border-line">
                  <summary className="flex min-h-11 cursor-pointer items-center px-3 font-medium">
                    Versions ({essay.versions.length})
                  </summary>
                  <ul className="flex flex-col divide-y divide-line border-t border-line">
                    {essay.versions.map((version) => (
                      <li
                        key={version.id}
                        className="flex flex-wrap justify-between gap-x-4 gap-y-1 px-3 py-2 text-sm"
                      >
                        <span className="font-medium">Version {version.number}</span>
                        <span className="text-muted">
                          <LocalDate date={version.publishedAt} /> ·{" "}
                          {version.publishedBy ?? "seeded"} ·{" "}
                          {plural(version.sessionCount, "session", "sessions")}
                        </span>
                      </li>
                    ))}
                  </ul>
                </details>
              )}

              <div className="mt-4 flex flex-wrap gap-2">
                <Link
                  href={`/admin/content/${essay.id}`}
                  className={buttonClass(essay.status === "archived" ? "secondary" : "primary")}
                  aria-label={`${essay.status === "archived" ? "View" : "Edit"} ${essay.title}`}
                >
                  {essay.status === "archived" ? "View" : "Edit"}
                </Link>
                {essay.versions.length > 0 && (
                  <Link
                    href={`/admin/content/${essay.id}/history`}
                    className={buttonClass("secondary")}
                    aria-label={`History of ${essay.title}`}
                  >
                    History
                  </Link>
                )}
                {essay.status === "published" && (
                  <Link
                    href={`/library/${essay.slug}`}
                    className={buttonClass("ghost")}
                    aria-label={`Open ${essay.title} in the library`}
                  >
                    Open in library
                  </Link>
                )}
                {essay.status === "archived" ? (
                  <button
                    type="button"
                    className={buttonClass("secondary")}
                    disabled={unarchive.isPending}
                    aria-label={`Unarchive ${essay.title}`}
                    onClick={() => unarchive.mutate({ essayId: essay.id })}
                  >
                    Unarchive
                  </button>
                ) : (
                  <ConfirmAction
                    label="Archive"
                    triggerAriaLabel={`Archive ${essay.title}`}
                    question={`Archive “${essay.title}”? It can't start new sessions; past sessions and their versions stay.`}
                    confirmLabel="Archive"
                    pending={archive.isPending}
                    onConfirm={() => archive.mutate({ essayId: essay.id })}
                  />
                )}
              </div>
            </li>
          );
        })}
      </ul>
    </div>
  );
}
