/*
 * Zod compiles object parsers with `new Function` where eval is allowed, and probes for that
 * once with a caught `new Function("")`. Our Content-Security-Policy forbids eval (proxy.ts), so
 * the probe would be reported as a violation on every page that defines a schema in the browser.
 *
 * This file runs before any of the app's modules. Zod 4 keeps its global config on
 * `globalThis.__zod_globalConfig` (so that copies of it share one) and adopts an object already
 * there; setting the flag this way spares every page, the phone's included, Zod's config module
 * (about 5 KB gzipped) just to call z.config({ jitless: true }). A unit test
 * (content-security-policy.test.ts) checks that Zod still reads it.
 */
declare global {
  var __zod_globalConfig: { jitless?: boolean } | undefined;
}

(globalThis.__zod_globalConfig ??= {}).jitless = true;

export {};
