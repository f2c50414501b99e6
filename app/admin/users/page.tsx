import type { Metadata } from "next";
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

export const metadata: Metadata = { title: "Users · Admin" };

export default async function AdminUsersPage({
  searchParams,
}: {
  searchParams: Promise<{ q?: string | string[]; page?: string | string[] }>;
}) {
  const admin = await requireAdmin("/admin/users");
  const { search, page } = listParams(await searchParams);
  prefetch(trpc.adminUsers.list.queryOptions({ search, page }));
  prefetch(trpc.adminUsers.listInvites.queryOptions());

  return (
    <TRPCReactProvider>
      <HydrateClient>
        <PageTitle lead="Everyone with an account. Role changes and deactivations apply at the person's next click.">
          Users
        </PageTitle>
        <div className="grid items-start gap-6 lg:grid-cols-[minmax(0,1fr)_22rem]">
          <Card>
            <h2 className="mb-3 text-lg font-semibold">People</h2>
            <SearchForm
              action="/admin/users"
              label="Search by name or email"
              value={search}
              placeholder="e.g. ada or @example.com"
            />
            <Suspense key={`${search}:${page}`} fallback={<ListSkeleton />}>
              <UserList search={search} page={page} currentUserId={admin.id} />
            </Suspense>
          </Card>
          <div className="flex flex-col gap-6">
            <Card>
              <h2 className="mb-1 text-lg font-semibold">Create an account</h2>
              <p className="mb-4 text-sm text-muted">
                Give the person their initial password yourself, over a channel you trust.
              </p>
              <CreateAccountForm />
            </Card>
            <Card>
              <h2 className="mb-1 text-lg font-semibold">Sign-up link</h2>
              <p className="mb-4 text-sm text-muted">
                A link that lets one person create their own account with the role you choose.
              </p>
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
