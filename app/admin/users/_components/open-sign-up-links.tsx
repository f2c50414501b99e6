"use client";

import { useMutation, useQueryClient, useSuspenseQuery } from "@tanstack/react-query";
import { useState } from "react";

import { useTRPC } from "../../../_trpc/client";
import { ConfirmAction } from "../../../_components/confirm-action";
import { LocalDate } from "../../../_components/local-date";
import { userRoleLabel } from "../../../_components/role-labels";
import { Alert, buttonClass } from "../../../_components/ui";

/**
 * The sign-up links that still work (made by an admin, unused, neither expired nor revoked), each
 * with who made it and until when, and a Revoke button that asks first. Never the link itself:
 * only its hash is stored, and it was shown once when made.
 */
export function OpenSignUpLinks() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [done, setDone] = useState("");
  const { data } = useSuspenseQuery(trpc.adminUsers.listInvites.queryOptions());
  const revoke = useMutation(
    trpc.adminUsers.revokeInvite.mutationOptions({
      onMutate: () => setDone(""),
      onSuccess: async () => {
        setDone("The sign-up link is revoked. It no longer creates an account.");
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
        Open sign-up links
      </h3>
      {revoke.error && <Alert tone="error">{revoke.error.message}</Alert>}
      <p role="status" className="text-sm text-ok empty:hidden">
        {!revoke.error && done}
      </p>
      {data.invites.length === 0 ? (
        <p className="text-sm text-muted">
          No open sign-up links. Links you create stay here until they are used, expire or are
          revoked.
        </p>
      ) : (
        <ul aria-label="Open sign-up links" className="flex flex-col gap-2">
          {data.invites.map((invite) => {
            const role = userRoleLabel[invite.userRole];
            const titleId = `signup-link-${invite.id}-title`;
            return (
              <li
                key={invite.id}
                aria-labelledby={titleId}
                className="flex flex-col gap-2 rounded-lg border border-line p-3"
              >
                <div className="flex min-w-0 flex-col text-sm">
                  <span id={titleId} className="font-medium">
                    {role} sign-up link
                  </span>
                  <span className="break-words text-muted">
                    By {invite.createdByName} · expires{" "}
                    <LocalDate date={invite.expiresAt} withTime />
                  </span>
                </div>
                <div className="flex flex-wrap gap-2">
                  <ConfirmAction
                    label={
                      revoke.isPending && revoke.variables.inviteId === invite.id
                        ? "Revoking…"
                        : "Revoke"
                    }
                    triggerAriaLabel={`Revoke the ${role.toLowerCase()} sign-up link by ${invite.createdByName}`}
                    triggerClassName={`${buttonClass("secondary")} text-danger`}
                    question={`Revoke this ${role.toLowerCase()} sign-up link? Whoever holds it can no longer create an account with it.`}
                    confirmLabel="Yes, revoke the link"
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
        <p className="text-sm text-muted">
          Only the newest {data.invites.length} links are shown. Revoke some to see the rest.
        </p>
      )}
    </section>
  );
}
