"use client";

import { useQueryClient } from "@tanstack/react-query";

import { useTRPC } from "../../../_trpc/client";

/**
 * What follows a change to a team's people: the teams list, the account list (team counts) and
 * the audit log are read again.
 */
export function useRefreshAfterTeamChange() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  return () =>
    Promise.all([
      queryClient.invalidateQueries(trpc.adminTeams.pathFilter()),
      queryClient.invalidateQueries(trpc.adminUsers.pathFilter()),
      queryClient.invalidateQueries(trpc.adminAudit.pathFilter()),
    ]);
}
