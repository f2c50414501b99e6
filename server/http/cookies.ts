/** Parses a Cookie header into name → value (first one wins, as browsers send the most specific first). */
export function parseCookies(header: string | null): Map<string, string> {
  const cookies = new Map<string, string>();
  if (!header) return cookies;
  for (const part of header.split(";")) {
    const eq = part.indexOf("=");
    if (eq < 0) continue;
    const name = part.slice(0, eq).trim();
    if (!name || cookies.has(name)) continue;
    const raw = part.slice(eq + 1).trim();
    try {
      cookies.set(name, decodeURIComponent(raw));
    } catch {
      cookies.set(name, raw);
    }
  }
  return cookies;
}

/**
 * Whether cookies must be Secure: the app is reached over https. Takes undefined because
 * `next build` loads modules (e.g. the Auth.js config) with the environment unvalidated.
 */
export function servedOverHttps(publicUrl: string | undefined): boolean {
  return publicUrl?.startsWith("https:") ?? false;
}
