"use client";

import { useMutation, useQueryClient, useSuspenseQuery } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { Suspense, useState } from "react";

import { ConfirmAction } from "../../../../_components/confirm-action";
import { ListSkeleton } from "../../../../_components/list-skeleton";
import { LocalDate } from "../../../../_components/local-date";
import { OneTimeLink } from "../../../../_components/one-time-link";
import { Alert, buttonClass } from "../../../../_components/ui";
import { useTRPC } from "../../../../_trpc/client";

/**
 * The viewer's own secret iCalendar feed of the team's due dates: made here, shown once,
 * replaced or revoked here. Only a hash of the secret is stored, so it can't be shown again.
 */
export function CalendarFeedPanel({ teamId, teamName }: { teamId: string; teamName: string }) {
  const t = useTranslations("teams.calendar");
  return (
    <section
      aria-labelledby="calendar-feed-title"
      className="rounded-2xl border border-line bg-surface p-5 sm:p-6"
    >
      <h2 id="calendar-feed-title" className="mb-1 text-lg font-semibold">
        {t("title")}
      </h2>
      <p className="mb-4 max-w-prose text-sm text-muted">{t("lead", { team: teamName })}</p>
      <Suspense fallback={<ListSkeleton />}>
        <FeedControls teamId={teamId} />
      </Suspense>
    </section>
  );
}

function FeedControls({ teamId }: { teamId: string }) {
  const t = useTranslations("teams.calendar");
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const { data: feed } = useSuspenseQuery(trpc.calendar.mine.queryOptions({ teamId }));
  const [created, setCreated] = useState<{ url: string; key: number } | null>(null);
  const [revoked, setRevoked] = useState(false);
  const refresh = () => queryClient.invalidateQueries(trpc.calendar.mine.queryFilter({ teamId }));

  const create = useMutation(
    trpc.calendar.create.mutationOptions({
      onSuccess: async ({ url }) => {
        setRevoked(false);
        setCreated((shown) => ({ url, key: (shown?.key ?? 0) + 1 }));
        await refresh();
      },
    }),
  );
  const revoke = useMutation(
    trpc.calendar.revoke.mutationOptions({
      onSuccess: async () => {
        setCreated(null);
        setRevoked(true);
        await refresh();
      },
    }),
  );
  const error = create.error ?? revoke.error;

  return (
    <div className="flex flex-col gap-4">
      {error && <Alert tone="error">{error.message}</Alert>}
      {revoked && !feed && <Alert tone="success">{t("revoked")}</Alert>}
      {created && (
        <OneTimeLink
          key={created.key}
          id="calendar-feed-link"
          label={t("linkLabel")}
          created={t("linkCreated")}
          link={created.url}
        >
          {t("linkHelp")}
        </OneTimeLink>
      )}
      {feed ? (
        <div className="flex flex-col gap-3">
          <p>{t.rich("since", { date: () => <LocalDate date={feed.createdAt} /> })}</p>
          <div className="flex flex-wrap items-start gap-3">
            <ConfirmAction
              label={create.isPending ? t("replacing") : t("replace")}
              question={t("replaceQuestion")}
              confirmLabel={t("replaceConfirm")}
              pending={create.isPending}
              onConfirm={() => create.mutate({ teamId })}
            />
            <ConfirmAction
              label={revoke.isPending ? t("revoking") : t("revoke")}
              question={t("revokeQuestion")}
              confirmLabel={t("revokeConfirm")}
              pending={revoke.isPending}
              triggerClassName={`${buttonClass("secondary")} text-danger`}
              onConfirm={() => revoke.mutate({ teamId })}
            />
          </div>
        </div>
      ) : (
        <div>
          <button
            type="button"
            className={buttonClass()}
            disabled={create.isPending}
            onClick={() => create.mutate({ teamId })}
          >
            {create.isPending ? t("creating") : t("create")}
          </button>
        </div>
      )}
    </div>
  );
}
