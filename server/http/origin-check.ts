/**
 * Cross-site request forgery guard for our own route handlers (tRPC, Auth.js). A page on another
 * site can make a signed-in browser send requests here with its cookies (SameSite=Lax stops
 * cookies on cross-site POSTs in today's browsers, but not on same-site subdomains nor in older
 * ones, and a participant's join must not be replayable either). The browser names the page that
 * made the request (`Origin`, `Sec-Fetch-Site`) and a page can't forge either, so:
 *
 * - A request that changes state (anything but GET/HEAD/OPTIONS) must come from our own origin.
 * - A read (GET) is refused only when the browser says it came from another site: tRPC's query
 *   and subscription GETs carry team data, and nothing of ours ever links to them from elsewhere.
 *
 * "Our origin" is PUBLIC_URL, or the host the request was sent to (what the browser put in Host,
 * or what a reverse proxy in front of us received in X-Forwarded-Host): a browser can't put a
 * foreign host there, so a match means the page and the API share an address.
 */
export interface RequestOrigin {
  method: string;
  /** The `Origin` header, if any. */
  origin: string | null;
  /** The `Sec-Fetch-Site` header, if any. */
  secFetchSite: string | null;
  /** `X-Forwarded-Host` (first entry) or else `Host`. */
  host: string | null;
  /** The app's public URL (PUBLIC_URL). */
  publicUrl: string;
}

const safeMethods = new Set(["GET", "HEAD", "OPTIONS"]);

function originOf(url: string): string | null {
  try {
    return new URL(url).origin;
  } catch {
    return null;
  }
}

function hostOf(url: string): string | null {
  try {
    return new URL(url).host;
  } catch {
    return null;
  }
}

/** True when the request may go on; false means answer 403 and do nothing. */
export function isAllowedOrigin(request: RequestOrigin): boolean {
  const site = request.secFetchSite?.toLowerCase() ?? null;
  if (safeMethods.has(request.method.toUpperCase())) {
    return site !== "cross-site" && site !== "same-site";
  }
  if (request.origin === null) {
    // Browsers send Origin on every POST, so a request without one comes from a tool that is not
    // a browser (the bench, tests, curl): no victim's cookies ride along, nothing to forge. A
    // browser that sends fetch metadata but no Origin is only trusted when it says same-origin.
    return site === null || site === "same-origin";
  }
  // "null" (sandboxed frames, data: URLs, some redirects) names no page we could trust.
  const origin = originOf(request.origin);
  if (origin === null || request.origin === "null") return false;
  // PUBLIC_URL also says which scheme our host is served on: http://our-host is not us on https.
  if (hostOf(origin) === hostOf(request.publicUrl)) return origin === originOf(request.publicUrl);
  return request.host !== null && hostOf(origin) === request.host.toLowerCase();
}

/** The origin facts of a request, as the browser and any reverse proxy sent them. */
export function requestOriginFromHeaders(
  method: string,
  headers: Headers,
  publicUrl: string,
): RequestOrigin {
  const forwardedHost = headers.get("x-forwarded-host")?.split(",")[0]?.trim();
  return {
    method,
    origin: headers.get("origin"),
    secFetchSite: headers.get("sec-fetch-site"),
    host: forwardedHost || headers.get("host"),
    publicUrl,
  };
}

/** The answer to a refused request: says why, changes nothing. */
export function crossSiteRefusal() {
  return Response.json(
    { error: { message: "Cross-site request refused: open Practica at its own address." } },
    { status: 403, headers: { "cache-control": "no-store" } },
  );
}
