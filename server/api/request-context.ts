import "server-only";

import { getCurrentUser } from "../auth/current-user";
import { contextFor } from "./guest-context";

/**
 * Builds the tRPC context of an HTTP request or a server component render (which has no
 * response to set cookies on, so it gets headers nobody reads).
 */
export async function createRequestContext(headers: Headers, responseHeaders = new Headers()) {
  return contextFor(headers, responseHeaders, await getCurrentUser());
}
