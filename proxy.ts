import { NextResponse, type NextRequest } from "next/server";

import { env } from "~/server/env";
import { newNonce, pageContentSecurityPolicy } from "~/server/http/content-security-policy";
import { servedOverHttps } from "~/server/http/cookies";
import { requestPathHeader, requestPathOf } from "~/server/http/request-path";

/**
 * Gives every page its own script nonce. Next reads the nonce back from the request's
 * Content-Security-Policy header and puts it on the scripts it renders; our own inline scripts
 * (if any) read it from `x-nonce` through headers(). The other security headers, which don't
 * change per request, are in next.config.ts.
 */
export function proxy(request: NextRequest) {
  const nonce = newNonce();
  const policy = pageContentSecurityPolicy(nonce, {
    https: servedOverHttps(env.PUBLIC_URL),
    development: env.NODE_ENV === "development",
  });
  const requestHeaders = new Headers(request.headers);
  requestHeaders.set("x-nonce", nonce);
  requestHeaders.set("content-security-policy", policy);
  // For layouts that send signed-out visitors to sign in and back (server/http/request-path.ts).
  requestHeaders.set(requestPathHeader, requestPathOf(request.nextUrl));
  // Next answers a bare "Internal Server Error" when a dynamic segment can't be decoded
  // (/join/%FF); an address that can't be read is one that doesn't exist: show the 404 page.
  const response = isDecodable(request.nextUrl.pathname)
    ? NextResponse.next({ request: { headers: requestHeaders } })
    : NextResponse.rewrite(new URL("/page-not-found", request.url), {
        request: { headers: requestHeaders },
      });
  response.headers.set("content-security-policy", policy);
  return response;
}

function isDecodable(pathname: string) {
  try {
    decodeURIComponent(pathname);
    return true;
  } catch {
    return false;
  }
}

export const config = {
  matcher: [
    {
      // Pages only. API routes (tRPC and its event streams, Auth.js, the calendar feed) and
      // static files get a fixed policy from next.config.ts and are never held up here.
      source: "/((?!api/|_next/static/|_next/image|favicon\\.ico|icon\\.svg|robots\\.txt).*)",
      // Prefetches are RSC payloads, not documents: no policy to carry.
      missing: [
        { type: "header", key: "next-router-prefetch" },
        { type: "header", key: "purpose", value: "prefetch" },
      ],
    },
  ],
};
