import { resourceContentSecurityPolicy } from "./content-security-policy";

/*
 * Security headers that are the same on every response but scripts and styles. next.config.ts
 * sends them through Next; the phones' live stream, answered ahead of Next (phone-live-route.ts),
 * sends the API's set itself. The pages' Content-Security-Policy carries a per-request nonce, so
 * proxy.ts sets it; everything proxy.ts skips (API routes, other static files) gets a policy that
 * allows nothing, since none of it is a page.
 */
export interface HeaderEntry {
  key: string;
  value: string;
}

export const noSniff: HeaderEntry = { key: "X-Content-Type-Options", value: "nosniff" };

export const everyResponse: HeaderEntry[] = [
  noSniff,
  { key: "X-Frame-Options", value: "DENY" },
  { key: "Referrer-Policy", value: "strict-origin-when-cross-origin" },
  {
    key: "Permissions-Policy",
    // The presenter goes fullscreen and the console copies links; nothing uses the rest.
    value:
      "camera=(), microphone=(), geolocation=(), payment=(), usb=(), browsing-topics=(), fullscreen=(self), clipboard-write=(self)",
  },
];

export const resourcePolicy: HeaderEntry[] = [
  { key: "Content-Security-Policy", value: resourceContentSecurityPolicy },
];

/** What every API response carries (next.config.ts: everyResponse, then the /api policy). */
export const apiResponseHeaders: HeaderEntry[] = [...everyResponse, ...resourcePolicy];
