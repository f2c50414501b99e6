/**
 * Identifies a client for rate limits. Next fills in X-Forwarded-For with the socket's address
 * when a request arrives without one, and a reverse proxy appends the address it saw, so the
 * last entry is the one a client can't choose (entries before it are whatever the client sent).
 * Behind more than one proxy, every client looks like the innermost proxy: limits then apply to
 * everyone together, erring on the safe side.
 */
export function clientKeyFromHeaders(headers: Headers): string {
  const hops = headers.get("x-forwarded-for")?.split(",");
  const last = hops?.at(-1)?.trim();
  return last || headers.get("x-real-ip") || "local";
}
