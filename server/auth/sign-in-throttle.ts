import "server-only";

import type { Database } from "~/db";

import { signInPause } from "../accounts/sign-in";
import { clientKeyFromHeaders } from "../http/client-key";
import { requestLocale } from "../i18n/server-text";
import { tooManyTriesMessage } from "../rate-limit";

/**
 * A password POSTed to Auth.js's credentials callback while sign-in is paused for its email or
 * client: answered 429 with Retry-After before Auth.js runs (Auth.js itself could only redirect
 * with an error code). Attempts are still counted inside Auth.js (accounts/sign-in.ts); this
 * only reads the counters. Returns null for every other request.
 */
export async function refusePausedSignIn(db: Database, request: Request): Promise<Response | null> {
  if (!new URL(request.url).pathname.endsWith("/callback/credentials")) return null;
  const form = await request
    .clone()
    .formData()
    .catch(() => null);
  const email = form?.get("email");
  const pause = await signInPause(db, {
    email: typeof email === "string" ? email : "",
    clientKey: clientKeyFromHeaders(request.headers),
  });
  if (pause.allowed) return null;
  return Response.json(
    { error: tooManyTriesMessage(pause.retryAfterSeconds, requestLocale(request.headers)) },
    { status: 429, headers: { "retry-after": String(pause.retryAfterSeconds) } },
  );
}
