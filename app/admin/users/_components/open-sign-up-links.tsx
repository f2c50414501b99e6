"use client";

import { useMutation, useQueryClient, useSuspenseQuery } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { useState } from "react";

import { useTRPC } from "../../../_trpc/client";
import { ConfirmAction } from "../../../_components/confirm-action";
import { LocalDate } from "../../../_components/local-date";
import { Alert, buttonClass } from "../../../_components/ui";

/**
 * The sign-up links that still work (made by an admin, unused, neither expired nor revoked), each
 * with who made it and until when, and a Revoke button that asks first. Never the link itself:
 * only its hash is stored, and it was shown once when made.
 */
export function OpenSignUpLinks() {
  const t = useTranslations("admin.users.openLinks");
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [done, setDone] = useState("");
  const { data } = useSuspenseQuery(trpc.adminUsers.listInvites.queryOptions());
  const revoke = useMutation(
    trpc.adminUsers.revokeInvite.mutationOptions({
      onMutate: () => setDone(""),
      onSuccess: async () => {
        setDone(t("revoked"));
        await Promise.all([
          queryClient.invalidateQueries(trpc.adminUsers.listInvites.queryFilter()),
          queryClient.invalidateQueries(trpc.adminAudit.pathFilter()),
        ]);
      },
    }),
  );

  return (
    <section aria-labelledby="open-signup-links-heading" className="flex flex-col gap-3">
      <h3 id="open-signup-links-heading" className="font-semibold">
        {t("title")}
      </h3>
      {revoke.error && <Alert tone="error">{revoke.error.message}</Alert>}
      <p role="status" className="text-sm text-ok empty:hidden">
        {!revoke.error && done}
      </p>
      {data.invites.length === 0 ? (
        <p className="text-sm text-muted">{t("empty")}</p>
      ) : (
        <ul aria-label={t("title")} className="flex flex-col gap-2">
          {data.invites.map((invite) => {
            const role = invite.userRole;
            const titleId = `signup-link-${invite.id}-title`;
            return (
              <li
                key={invite.id}
                aria-labelledby={titleId}
                className="flex flex-col gap-2 rounded-lg border border-line p-3"
              >
                <div className="flex min-w-0 flex-col text-sm">
                  <span id={titleId} className="font-medium">
                    {t("linkTitle", { role })}
                  </span>
                  <span className="break-words text-muted">
                    {t.rich("byAndExpires", {
                      name: invite.createdByName,
                      date: () => <LocalDate date={invite.expiresAt} withTime />,
                    })}
                  </span>
                </div>
                <div className="flex flex-wrap gap-2">
                  <ConfirmAction
                    label={
                      revoke.isPending && revoke.variables.inviteId === invite.id
                        ? t("revoking")
                        : t("revoke")
                    }
                    triggerAriaLabel={t("revokeNamed", { role, name: invite.createdByName })}
                    triggerClassName={`${buttonClass("secondary")} text-danger`}
                    question={t("revokeQuestion", { role })}
                    confirmLabel={t("revokeConfirm")}
                    pending={revoke.isPending}
                    onConfirm={() => revoke.mutate({ inviteId: invite.id })}
                  />
                </div>
              </li>
            );
          })}
        </ul>
      )}
      {data.hasMore && (
        <p className="text-sm text-muted">{t("onlyNewest", { count: data.invites.length })}</p>
      )}
    </section>
  );
}
