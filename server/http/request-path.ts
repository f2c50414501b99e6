/**
 * The address a page request is for, as proxy.ts passes it on to the render. Layouts don't get
 * the path or query from Next, yet only a layout can send a signed-out visitor to sign in before
 * a loading.tsx skeleton starts the stream (after which the answer is a 200 with a client-side
 * redirect): this header lets that sign-in lead back to the very page, query included.
 */
export const requestPathHeader = "x-request-path";

/** Path and query of a request's URL, without Next's `_rsc` cache-busting parameter. */
export function requestPathOf(url: { pathname: string; search: string }) {
  const query = new URLSearchParams(url.search);
  query.delete("_rsc");
  const search = query.toString();
  return search ? `${url.pathname}?${search}` : url.pathname;
}

/**
 * Where sign-in should lead back to: the requested address if it lies within `area`, else the
 * area itself. Requests that skip the proxy (prefetches) may carry a header of their own
 * making, so only an address inside the area being rendered is taken from it.
 */
export function returnPathWithin(requested: string | null | undefined, area: string) {
  if (!requested) return area;
  const inside =
    requested === area || requested.startsWith(`${area}/`) || requested.startsWith(`${area}?`);
  return inside ? requested : area;
}
