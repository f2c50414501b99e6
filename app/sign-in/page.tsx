import type { Metadata } from "next";
import Link from "next/link";
import { redirect } from "next/navigation";

import { isSetupComplete } from "~/server/accounts/setup";
import { getCurrentUser } from "~/server/auth/current-user";
import { getDatabase } from "~/server/db";

import { SignInForm } from "../_components/account-forms";
import { Alert, Card, PageTitle } from "../_components/ui";

export const metadata: Metadata = { title: "Sign in" };

export default async function SignInPage({
  searchParams,
}: {
  searchParams: Promise<{ next?: string }>;
}) {
  const { next } = await searchParams;
  if (await getCurrentUser()) redirect("/home");
  const setupDone = await isSetupComplete(getDatabase().db);
  return (
    <Card className="mx-auto w-full max-w-md">
      <PageTitle lead="Facilitators, team members and admins sign in here. Joining a session needs no account.">
        Sign in
      </PageTitle>
      {!setupDone && (
        <div className="mb-4">
          <Alert tone="info">
            This install has no accounts yet.{" "}
            <Link className="font-semibold underline" href="/setup">
              Set up Practica
            </Link>{" "}
            to create the admin account.
          </Alert>
        </div>
      )}
      <SignInForm next={typeof next === "string" ? next : "/home"} />
    </Card>
  );
}
