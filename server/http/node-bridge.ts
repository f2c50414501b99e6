import "server-only";

import type { IncomingMessage, ServerResponse } from "node:http";

import { apiResponseHeaders } from "./security-headers";

/*
 * What the requests answered ahead of Next (server/ahead-of-next.ts) need to speak web Requests
 * and Responses, which the app's handlers are written in, over Node's own.
 */

/**
 * Fills in the X-Forwarded-* headers as Next does for the requests it handles (a header the
 * request already carries stays): rate limits key on the client's address (client-key.ts), the
 * cross-site check on the host.
 */
export function forwardedAsNextDoes(request: IncomingMessage) {
  const headers = request.headers;
  const https = "encrypted" in request.socket && request.socket.encrypted === true;
  headers["x-forwarded-host"] ??= headers.host;
  headers["x-forwarded-proto"] ??= https ? "https" : "http";
  headers["x-forwarded-for"] ??= request.socket.remoteAddress;
}

/** A request's headers as a web Headers, with the X-Forwarded-* headers Next would add. */
export function headersOf(request: IncomingMessage) {
  forwardedAsNextDoes(request);
  const headers = new Headers();
  for (const [name, value] of Object.entries(request.headers)) {
    // HTTP/2's pseudo-headers (":path") are not headers a Request can hold.
    if (name.startsWith(":") || value === undefined) continue;
    for (const item of Array.isArray(value) ? value : [value]) headers.append(name, item);
  }
  return headers;
}

/** The security headers every API response carries (next.config.ts sends them through Next). */
export const apiHeaders: Readonly<Record<string, string>> = Object.fromEntries(
  apiResponseHeaders.map(({ key, value }) => [key.toLowerCase(), value]),
);

/** Waits until the client has taken what was written, or has gone. */
export function drained(response: ServerResponse): Promise<void> {
  if (!response.writableNeedDrain || response.destroyed) return Promise.resolve();
  return new Promise((resolve) => {
    const done = () => {
      response.off("drain", done);
      response.off("close", done);
      resolve();
    };
    response.on("drain", done);
    response.on("close", done);
  });
}

/** Sends a web Response through Node's, with the API's security headers, streaming its body. */
export async function sendWebResponse(answer: Response, response: ServerResponse) {
  const headers: Record<string, string | string[]> = { ...apiHeaders };
  answer.headers.forEach((value, key) => {
    if (key !== "set-cookie") headers[key] = value;
  });
  const cookies = answer.headers.getSetCookie();
  if (cookies.length > 0) headers["set-cookie"] = cookies;
  response.writeHead(answer.status, headers);
  if (answer.body) {
    const reader = answer.body.getReader();
    try {
      for (;;) {
        const { done, value } = await reader.read();
        if (done) break;
        if (response.destroyed) {
          await reader.cancel();
          break;
        }
        response.write(value);
        await drained(response);
      }
    } finally {
      reader.releaseLock();
    }
  }
  response.end();
}
