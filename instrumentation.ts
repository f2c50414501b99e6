/**
 * Runs once when a server starts, before it takes requests: migrations, then the content seed,
 * then the requests the production server answers ahead of Next (server/ahead-of-next.ts).
 * Node only; the database drivers don't run on the edge runtime.
 */
export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const { prepareDatabase } = await import("./server/startup");
  await prepareDatabase();
  const { publishAheadOfNext } = await import("./server/ahead-of-next");
  publishAheadOfNext();
}
