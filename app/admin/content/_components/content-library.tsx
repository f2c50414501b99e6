"use client";

import { useMutation, useQueryClient, useSuspenseQuery } from "@tanstack/react-query";
import Link from "next/link";
import { useTranslations } from "next-intl";

import { ConfirmAction } from "../../../_components/confirm-action";
import { LocalDate } from "../../../_components/local-date";
import { Alert, buttonClass } from "../../../_components/ui";
import { useTRPC } from "../../../_trpc/client";
import { StatusBadge, UnpublishedBadge } from "./status-badge";

/** The workshops with their status and versions, each version with how many sessions used it. */
export function ContentLibrary() {
  const t = useTranslations("admin.content.library");
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
    return <p className="text-muted">{t("empty")}</p>;
  }

  return (
    <div className="flex flex-col gap-4">
      {error && <Alert tone="error">{error.message}</Alert>}
      <ul className="flex flex-col gap-4" aria-label={t("label")}>
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
                    {t("practiceCount", { count: essay.practiceCount })} ·{" "}
                    {latest ? t("latestVersion", { number: latest.number }) : t("neverPublished")} ·{" "}
                    {t("sessionCount", { count: sessions })}
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
                <details className="group mt-3">
                  <summary className="inline-flex min-h-11 cursor-pointer list-none items-center gap-2 rounded-lg px-2 font-medium text-accent hover:bg-raised [&::-webkit-details-marker]:hidden">
                    <svg
                      aria-hidden="true"
                      viewBox="0 0 16 16"
                      className="size-4 shrink-0 transition-transform group-open:rotate-90"
                    >
                      <path
                        d="M6 3l5 5-5 5"
                        fill="none"
                        stroke="currentColor"
                        strokeWidth="2"
                        strokeLinecap="round"
                        strokeLinejoin="round"
                      />
                    </svg>
                    {t("versions", { count: essay.versions.length })}
                  </summary>
                  <ul className="mt-1 flex flex-col divide-y divide-line rounded-lg border border-line">
                    {essay.versions.map((version) => (
                      <li
                        key={version.id}
                        className="flex flex-wrap justify-between gap-x-4 gap-y-1 px-3 py-2 text-sm"
                      >
                        <span className="font-medium">
                          {t("version", { number: version.number })}
                        </span>
                        <span className="text-muted">
                          <LocalDate date={version.publishedAt} /> ·{" "}
                          {version.publishedBy ?? t("seeded")} ·{" "}
                          {t("sessionCount", { count: version.sessionCount })}
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
                  aria-label={t(essay.status === "archived" ? "viewNamed" : "editNamed", {
                    title: essay.title,
                  })}
                >
                  {essay.status === "archived" ? t("view") : t("edit")}
                </Link>
                {essay.versions.length > 0 && (
                  <Link
                    href={`/admin/content/${essay.id}/history`}
                    className={buttonClass("secondary")}
                    aria-label={t("historyOf", { title: essay.title })}
                  >
                    {t("history")}
                  </Link>
                )}
                {essay.status === "published" && (
                  <Link
                    href={`/library/${essay.slug}`}
                    className={buttonClass("secondary")}
                    aria-label={t("openInLibraryNamed", { title: essay.title })}
                  >
                    {t("openInLibrary")}
                  </Link>
                )}
                {essay.status === "archived" ? (
                  <button
                    type="button"
                    className={buttonClass("secondary")}
                    disabled={unarchive.isPending}
                    aria-label={t("unarchiveNamed", { title: essay.title })}
                    onClick={() => unarchive.mutate({ essayId: essay.id })}
                  >
                    {t("unarchive")}
                  </button>
                ) : (
                  <ConfirmAction
                    label={t("archive")}
                    triggerAriaLabel={t("archiveNamed", { title: essay.title })}
                    question={t("archiveQuestion", { title: essay.title })}
                    confirmLabel={t("archive")}
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
