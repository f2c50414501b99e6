import "server-only";

import type { Locale } from "./locales";

/**
 * Messages are split by the part of the product that uses them, one JSON file per part and
 * language, so that a page sends its client components only the parts they need
 * (see `clientMessages`). English is the source; `tests/unit/messages.test.ts` keeps the
 * other languages complete.
 */
export const namespaces = [
  "common",
  "home",
  "phone",
  "present",
  "facilitate",
  "teams",
  "admin",
  "server",
] as const;
export type Namespace = (typeof namespaces)[number];

export async function loadMessages(locale: Locale) {
  const parts = await Promise.all(
    namespaces.map(
      async (namespace) =>
        [
          namespace,
          (await import(`./messages/${locale}/${namespace}.json`)) as { default: object },
        ] as const,
    ),
  );
  return Object.fromEntries(parts.map(([namespace, module]) => [namespace, module.default]));
}
