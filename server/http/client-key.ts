/**
 * Identifies a client for rate limits. Behind a proxy the first X-Forwarded-For address is the
 * client; run directly, every request looks local and shares one key.
 */
export function clientKeyFromHeaders(headers: Headers): string {
  const forwarded = headers.get("x-forwarded-for")?.split(",")[0]?.trim();
  return forwarded || headers.get("x-real-ip") || "local";
}
