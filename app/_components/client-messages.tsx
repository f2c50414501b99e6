import { NextIntlClientProvider } from "next-intl";
import { getMessages } from "next-intl/server";

import type { Namespace } from "~/server/i18n/messages";

/**
 * Gives the client components below it the messages of these parts only: a phone shouldn't
 * download the admin's or the console's words. Server components read every part directly.
 */
export async function ClientMessages({
  namespaces,
  children,
}: {
  namespaces: readonly Namespace[];
  children: React.ReactNode;
}) {
  const all = (await getMessages()) as Record<string, unknown>;
  const picked = Object.fromEntries(namespaces.map((namespace) => [namespace, all[namespace]]));
  return <NextIntlClientProvider messages={picked}>{children}</NextIntlClientProvider>;
}
