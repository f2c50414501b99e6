import { handlers } from "~/server/auth";
import { refusePausedSignIn } from "~/server/auth/sign-in-throttle";
import { getDatabase } from "~/server/db";
import { env } from "~/server/env";
import {
  crossSiteRefusal,
  isAllowedOrigin,
  requestOriginFromHeaders,
} from "~/server/http/origin-check";

export const { GET } = handlers;

/**
 * Auth.js already requires its double-submit CSRF token on sign-in and sign-out POSTs; the
 * origin check refuses forged ones before they reach it, as for every other POST of ours.
 */
export async function POST(...args: Parameters<typeof handlers.POST>) {
  const [request] = args;
  if (!isAllowedOrigin(requestOriginFromHeaders(request.method, request.headers, env.PUBLIC_URL))) {
    return crossSiteRefusal();
  }
  // A paused sign-in answers 429 + Retry-After here, where Auth.js could only redirect.
  const paused = await refusePausedSignIn(getDatabase().db, request);
  if (paused) return paused;
  return handlers.POST(...args);
}
