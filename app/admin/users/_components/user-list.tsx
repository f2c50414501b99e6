"use client";

import { useMutation, useQueryClient, useSuspenseQuery } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { useState, type FormEvent } from "react";

import { useTRPC } from "../../../_trpc/client";
import { ConfirmAction } from "../../../_components/confirm-action";
import { userRoleLabel } from "../../../_components/role-labels";
import { Alert, buttonClass } from "../../../_components/ui";
import { destructiveButtonClass, rowButton } from "../../_components/destructive";
import { Pager } from "../../_components/list-controls";
import { RoleSelect, userRoles, type UserRole } from "./role-select";

export function UserList({
  search,
  page,
  currentUserId,
}: {
  search: string;
  page: number;
  currentUserId: string;
}) {
  const t = useTranslations("admin.users.list");
  const trpc = useTRPC();
  const { data } = useSuspenseQuery(trpc.adminUsers.list.queryOptions({ search, page }));
  if (data.users.length === 0) {
    return <p className="text-muted">{search ? t("nobodyMatches", { search }) : t("emptyPage")}</p>;
  }
  return (
    <>
      <ul aria-label={t("label")} className="@container flex flex-col divide-y divide-line">
        {data.users.map((user) => (
          <UserRow key={user.id} user={user} isYou={user.id === currentUserId} />
        ))}
      </ul>
      <Pager path="/admin/users" params={{ q: search }} page={page} hasMore={data.hasMore} />
    </>
  );
}

interface ListedUser {
  id: string;
  name: string;
  email: string;
  role: UserRole;
  deactivatedAt: Date | null;
  teamCount: number;
}

function UserRow({ user, isYou }: { user: ListedUser; isYou: boolean }) {
  const t = useTranslations("admin.users.list");
  const common = useTranslations("common");
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [done, setDone] = useState("");
  // The audit log shows each change too, so both lists are refreshed.
  const refresh = () =>
    Promise.all([
      queryClient.invalidateQueries(trpc.adminUsers.pathFilter()),
      queryClient.invalidateQueries(trpc.adminAudit.pathFilter()),
    ]);
  const options = (message: (changed: boolean) => string) => ({
    onMutate: () => setDone(""),
    onSuccess: async (result: { changed: boolean }) => {
      setDone(message(result.changed));
      await refresh();
    },
  });
  const changeRole = useMutation(
    trpc.adminUsers.changeRole.mutationOptions(
      options((changed) => t(changed ? "roleChanged" : "roleUnchanged", { name: user.name })),
    ),
  );
  const deactivate = useMutation(
    trpc.adminUsers.deactivate.mutationOptions(
      options(() => t("deactivatedDone", { name: user.name })),
    ),
  );
  const reactivate = useMutation(
    trpc.adminUsers.reactivate.mutationOptions(
      options(() => t("reactivatedDone", { name: user.name })),
    ),
  );
  const error = changeRole.error ?? deactivate.error ?? reactivate.error;
  const busy = changeRole.isPending || deactivate.isPending || reactivate.isPending;
  const deactivated = user.deactivatedAt !== null;
  const headingId = `user-${user.id}-name`;

  function submitRole(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const role = new FormData(event.currentTarget).get("role");
    if (userRoles.includes(role as UserRole)) {
      reactivate.reset();
      deactivate.reset();
      changeRole.mutate({ userId: user.id, role: role as UserRole });
    }
  }

  return (
    // A grid: who (with their badges) beside the controls where the list is wide, above them
    // where it is narrow; on a phone the role gets its own line and the two buttons share one.
    <li
      aria-labelledby={headingId}
      className="grid gap-3 py-4 first:pt-0 last:pb-0 @2xl:grid-cols-[minmax(0,1fr)_auto] @2xl:items-center"
    >
      <div className="flex min-w-0 flex-wrap items-start justify-between gap-2">
        <div className="flex min-w-0 flex-1 basis-48 flex-col">
          <span id={headingId} className="font-medium break-words">
            {user.name}
            {isYou && <span className="text-muted"> {t("you")}</span>}
          </span>
          <span className="text-sm break-all text-muted">{user.email}</span>
          <span className="text-sm text-muted">{t("teamCount", { count: user.teamCount })}</span>
        </div>
        <div className="flex flex-wrap gap-2">
          <span className="rounded-full bg-raised px-2.5 py-0.5 text-sm font-medium">
            {userRoleLabel(common, user.role)}
          </span>
          {deactivated && (
            <span className="rounded-full border border-danger px-2.5 py-0.5 text-sm font-medium text-danger">
              {t("deactivated")}
            </span>
          )}
        </div>
      </div>

      {isYou ? (
        <p className="text-sm text-muted">{t("cantChangeYourself")}</p>
      ) : (
        <div className="flex flex-wrap items-end gap-2">
          <form onSubmit={submitRole} className="contents">
            <RoleSelect
              id={`role-${user.id}`}
              label={t("roleOf", { name: user.name })}
              defaultValue={user.role}
              compact
            />
            <button
              type="submit"
              className={`${buttonClass("secondary")} ${rowButton}`}
              disabled={busy}
            >
              {changeRole.isPending ? t("changing") : t("changeRole")}
              <span className="sr-only"> {t("changeRoleOf", { name: user.name })}</span>
            </button>
          </form>
          {deactivated ? (
            <button
              type="button"
              className={`${buttonClass("secondary")} ${rowButton}`}
              disabled={busy}
              onClick={() => {
                changeRole.reset();
                reactivate.mutate({ userId: user.id });
              }}
            >
              {reactivate.isPending ? t("reactivating") : t("reactivate")}
              <span className="sr-only"> {user.name}</span>
            </button>
          ) : (
            <ConfirmAction
              label={deactivate.isPending ? t("deactivating") : t("deactivate")}
              triggerAriaLabel={t("deactivateNamed", { name: user.name })}
              question={t("deactivateQuestion", { name: user.name })}
              confirmLabel={t("deactivateConfirm", { name: user.name })}
              triggerClassName={`${destructiveButtonClass} ${rowButton}`}
              pending={busy}
              onConfirm={() => {
                changeRole.reset();
                deactivate.mutate({ userId: user.id });
              }}
            />
          )}
        </div>
      )}
      {error && (
        <div className="@2xl:col-span-full">
          <Alert tone="error">{error.message}</Alert>
        </div>
      )}
      <p role="status" className="text-sm text-ok empty:hidden @2xl:col-span-full">
        {!error && done}
      </p>
    </li>
  );
}
