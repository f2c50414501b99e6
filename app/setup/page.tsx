import type { Metadata } from "next";
import { notFound } from "next/navigation";

import { isSetupComplete } from "~/server/accounts/setup";
import { getDatabase } from "~/server/db";

import { SetupForm } from "../_components/account-forms";
import { Card, PageTitle } from "../_components/ui";

export const metadata: Metadata = { title: "Set up Practica" };

/** Only on a fresh install: once the first admin exists this address is gone. */
export default async function SetupPage() {
  if (await isSetupComplete(getDatabase().db)) notFound();
  return (
    <Card className="mx-auto w-full max-w-md">
      <PageTitle lead="Create the first account. It becomes the admin of this Practica install.">
        Set up Practica
      </PageTitle>
      <SetupForm />
    </Card>
  );
}
