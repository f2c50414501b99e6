import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";

import { isSetupComplete } from "~/server/accounts/setup";
import { getDatabase } from "~/server/db";

import { SetupForm } from "../_components/account-forms";
import { Card, PageTitle } from "../_components/ui";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("home.setup");
  return { title: t("title") };
}

/** Only on a fresh install: once the first admin exists this address is gone. */
export default async function SetupPage() {
  if (await isSetupComplete(getDatabase().db)) notFound();
  const t = await getTranslations("home.setup");
  return (
    // data-auth-page hides the header's "Sign in" button (site-header.tsx): there is no account yet.
    <div data-auth-page>
      <Card className="mx-auto w-full max-w-md">
        <PageTitle lead={t("lead")}>{t("title")}</PageTitle>
        <SetupForm />
      </Card>
    </div>
  );
}
