import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { Suspense } from "react";

import { env } from "~/server/env";

import { HydrateClient, prefetch, trpc } from "../../_trpc/server";
import { TRPCReactProvider } from "../../_trpc/client";
import { ListSkeleton } from "../../_components/list-skeleton";
import { Card, PageTitle } from "../../_components/ui";
import { SearchForm } from "../_components/list-controls";
import { listParams, requireAdmin } from "../_components/require-admin";
import { AccountInviteForm } from "./_components/account-invite-form";
import { CreateAccountForm } from "./_components/create-account-form";
import { OpenSignUpLinks } from "./_components/open-sign-up-links";
import { UserList } from "./_components/user-list";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("admin.users");
  return { title: t("metaTitle") };
}

export default async function AdminUsersPage({
  searchParams,
}: {
  searchParams: Promise<{ q?: string | string[]; page?: string | string[] }>;
}) {
  const admin = await requireAdmin("/admin/users");
  const t = await getTranslations("admin.users");
  const { search, page } = listParams(await searchParams);
  prefetch(trpc.adminUsers.list.queryOptions({ search, page }));
  prefetch(trpc.adminUsers.listInvites.queryOptions());

  return (
    <TRPCReactProvider>
      <HydrateClient>
        <PageTitle lead={t("lead")}>{t("title")}</PageTitle>
        <div className="grid items-start gap-6 lg:grid-cols-[minmax(0,1fr)_22rem]">
          <Card>
            <h2 className="mb-3 text-lg font-semibold">{t("people")}</h2>
            <SearchForm
              action="/admin/users"
              label={t("searchLabel")}
              value={search}
              placeholder={t("searchPlaceholder")}
            />
            <Suspense key={`${search}:${page}`} fallback={<ListSkeleton />}>
              <UserList search={search} page={page} currentUserId={admin.id} />
            </Suspense>
          </Card>
          <div className="flex flex-col gap-6">
            <Card>
              <h2 className="mb-1 text-lg font-semibold">{t("createTitle")}</h2>
              <p className="mb-4 text-sm text-muted">{t("createLead")}</p>
              <CreateAccountForm />
            </Card>
            <Card>
              <h2 className="mb-1 text-lg font-semibold">{t("signUpTitle")}</h2>
              <p className="mb-4 text-sm text-muted">{t("signUpLead")}</p>
              <AccountInviteForm publicUrl={env.PUBLIC_URL} />
              <div className="mt-6 border-t border-line pt-4">
                <Suspense fallback={<ListSkeleton />}>
                  <OpenSignUpLinks />
                </Suspense>
              </div>
            </Card>
          </div>
        </div>
      </HydrateClient>
    </TRPCReactProvider>
  );
}
