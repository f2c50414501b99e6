/** Auth.js's session cookie (chunked as .0, .1, … when large; __Secure- behind HTTPS). */
const sessionCookie = /^(__Secure-)?authjs\.session-token(\.\d+)?$/;

/** Whether a request carries an account's session at all (phones carry none). */
export function hasAccountCookie(cookieNames: Iterable<string>): boolean {
  for (const name of cookieNames) if (sessionCookie.test(name)) return true;
  return false;
}
