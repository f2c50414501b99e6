import type { Metadata } from "next";
import Link from "next/link";
import { redirect } from "next/navigation";
import { getTranslations } from "next-intl/server";

import { isSetupComplete } from "~/server/accounts/setup";
import { getCurrentUser } from "~/server/auth/current-user";
import { getDatabase } from "~/server/db";

import { SignInForm } from "../_components/account-forms";
import { Alert, Card, PageTitle } from "../_components/ui";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("home.signIn");
  return { title: t("title") };
}

export default async function SignInPage({
  searchParams,
}: {
  searchParams: Promise<{ next?: string; callbackUrl?: string }>;
}) {
  const { next, callbackUrl } = await searchParams;
  if (await getCurrentUser()) redirect("/home");
  const [setupDone, t] = await Promise.all([
    isSetupComplete(getDatabase().db),
    getTranslations("home.signIn"),
  ]);
  // Sent here from a page that needs an account (or by Auth.js, which names it callbackUrl).
  const returnTo =
    typeof next === "string" ? next : typeof callbackUrl === "string" ? callbackUrl : null;
  return (
    // data-auth-page hides the header's own "Sign in" button (site-header.tsx) on this page.
    <div data-auth-page>
      <Card className="mx-auto w-full max-w-md">
        <PageTitle
          lead={t.rich("lead", {
            // The code box is on the landing page.
            link: (chunks) => (
              <Link className="font-medium text-fg underline" href="/">
                {chunks}
              </Link>
            ),
          })}
        >
          {t("title")}
        </PageTitle>
        {returnTo && (
          <div className="mb-4">
            <Alert tone="info">{t("toContinue")}</Alert>
          </div>
        )}
        {!setupDone && (
          <div className="mb-4">
            <Alert tone="info">
              {t.rich("noAccounts", {
                link: (chunks) => (
                  <Link className="font-semibold underline" href="/setup">
                    {chunks}
                  </Link>
                ),
              })}
            </Alert>
          </div>
        )}
        <SignInForm next={returnTo ?? "/home"} />
      </Card>
    </div>
  );
}
