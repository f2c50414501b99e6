import { headers } from "next/headers";
import { redirect } from "next/navigation";

import { getCurrentUser } from "~/server/auth/current-user";
import { requestPathHeader, returnPathWithin } from "~/server/http/request-path";

import { boardPath, loadTeam } from "./_lib/load-team";

/**
 * Checks access before loading.tsx's skeleton starts the stream: a sign-in redirect or a 404
 * decided inside the streamed page would reach the browser with status 200. Sign-in leads back
 * to the board with its filters, which only proxy.ts's header tells a layout.
 */
export default async function BoardLayout({
  children,
  params,
}: {
  children: React.ReactNode;
  params: Promise<{ slug: string }>;
}) {
  const { slug } = await params;
  if (!(await getCurrentUser())) {
    const requested = (await headers()).get(requestPathHeader);
    redirect(`/sign-in?next=${encodeURIComponent(returnPathWithin(requested, boardPath(slug)))}`);
  }
  await loadTeam(slug, boardPath(slug));
  return children;
}
