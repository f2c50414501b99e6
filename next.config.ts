import type { NextConfig } from "next";
import createNextIntlPlugin from "next-intl/plugin";

import { everyResponse, noSniff, resourcePolicy } from "./server/http/security-headers";

/*
 * Scripts and style sheets are never documents, so the headers that govern documents (framing,
 * referrer, permissions, CSP) do nothing on them; nosniff does (a script must be served as one).
 * Sent anyway they cost ~330 bytes per file, uncompressed: ~3.6 KB of a phone's first load.
 * Images and fonts under /_next/static keep the closed policy (an SVG opened alone is a page).
 */
const scriptAndStyleHeaders = [noSniff];

// Join codes, invite and calendar tokens sit in these addresses: send no referrer at all from
// them, not even to our own pages' logs.
const noReferrer = [{ key: "Referrer-Policy", value: "no-referrer" }];

const nextConfig: NextConfig = {
  // The database drivers load WASM and native sockets at run time; keep them out of the bundle.
  serverExternalPackages: ["@electric-sql/pglite", "postgres"],
  poweredByHeader: false,
  typedRoutes: false,
  // Later entries override earlier ones for the same header.
  headers: () =>
    Promise.resolve([
      { source: "/:path((?!_next/static/chunks/).*)", headers: everyResponse },
      { source: "/_next/static/chunks/:path*", headers: scriptAndStyleHeaders },
      { source: "/api/:path*", headers: resourcePolicy },
      { source: "/_next/static/:path((?!chunks/).*)", headers: resourcePolicy },
      { source: "/_next/image", headers: resourcePolicy },
      { source: "/(favicon\\.ico|icon\\.svg|robots\\.txt)", headers: resourcePolicy },
      { source: "/join/:path*", headers: noReferrer },
      { source: "/invite/:path*", headers: noReferrer },
      { source: "/api/calendar/:path*", headers: noReferrer },
    ]),
};

/*
 * next-intl reads the request's language in server/i18n/request.ts. Precompiling the messages at
 * build time swaps the ICU parser for a formatter of under 1 kB, which keeps the phone light.
 */
const withNextIntl = createNextIntlPlugin({
  requestConfig: "./server/i18n/request.ts",
  experimental: {
    messages: {
      path: "./server/i18n/messages",
      format: "json",
      locales: ["en", "es"],
      precompile: true,
    },
  },
});

export default withNextIntl(nextConfig);
