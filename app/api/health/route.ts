import { checkDatabase } from "~/server/health";

export const dynamic = "force-dynamic";

/** For monitors and load balancers: 200 with the database reachable, 503 otherwise. */
export async function GET() {
  const ok = await checkDatabase();
  return Response.json(ok ? { ok: true } : { ok: false, error: "database unreachable" }, {
    status: ok ? 200 : 503,
    headers: { "cache-control": "no-store" },
  });
}
