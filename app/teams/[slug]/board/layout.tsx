import { getCurrentUser } from "~/server/auth/current-user";

import { boardPath, loadTeam } from "./_lib/load-team";

/**
 * Checks access before loading.tsx's skeleton starts the stream: a 404 decided inside the
 * streamed page would reach the browser with status 200. Signed-out visitors pass through to
 * the page, whose sign-in redirect keeps the board's filters (a layout can't see them).
 */
export default async function BoardLayout({
  children,
  params,
}: {
  children: React.ReactNode;
  params: Promise<{ slug: string }>;
}) {
  const { slug } = await params;
  if (await getCurrentUser()) await loadTeam(slug, boardPath(slug));
  return children;
}
