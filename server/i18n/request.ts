import { cookies, headers } from "next/headers";
import { getRequestConfig } from "next-intl/server";

import { localeCookie, pickLocale } from "./locales";
import { loadMessages } from "./messages";

// next-intl calls this once per request (React's cache) for server components and actions.
export default getRequestConfig(async () => {
  const locale = pickLocale(
    (await cookies()).get(localeCookie)?.value,
    (await headers()).get("accept-language"),
  );
  return { locale, messages: await loadMessages(locale) };
});
