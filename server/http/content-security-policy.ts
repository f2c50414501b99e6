/**
 * The Content-Security-Policy of our pages. Scripts run only with this response's nonce (Next
 * puts it on its own scripts, reading it back from this header) or when loaded by one that has it
 * ('strict-dynamic', how Next loads its chunks), so markup that slips into a page can't run.
 * Styles allow inline: React renders chart bars and progress widths as style attributes, and a
 * style can't run script. No plugins, no <base> rewrites, no framing (clickjacking).
 */
export function pageContentSecurityPolicy(
  nonce: string,
  { https, development }: { https: boolean; development: boolean },
) {
  return [
    "default-src 'self'",
    // React rebuilds server error stacks with eval in development only.
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${development ? " 'unsafe-eval'" : ""}`,
    "style-src 'self' 'unsafe-inline'",
    // data: and blob: for images the browser makes itself (e.g. a chart or a pasted picture).
    "img-src 'self' data: blob:",
    "font-src 'self'",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'self'",
    "frame-ancestors 'none'",
    ...(https ? ["upgrade-insecure-requests"] : []),
  ].join("; ");
}

/** Responses that are not pages (API, static files) never need to run or embed anything. */
export const resourceContentSecurityPolicy =
  "default-src 'none'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'";

/** A fresh, unguessable nonce for one response (128 bits, base64). */
export function newNonce() {
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return btoa(String.fromCharCode(...bytes));
}
