import { z } from "zod";

import { auditKinds } from "../../admin/audit-kinds";
import { listAuditEntries } from "../../admin/audit-log";
import { pageInput } from "../../admin/inputs";
import { adminProcedure, createTRPCRouter } from "../trpc";

export const adminAuditRouter = createTRPCRouter({
  /** Every admin change, newest first; `kind` narrows it to content, users or teams. */
  list: adminProcedure
    .input(
      z.object({
        kind: z.enum(auditKinds, "Filter by content, users or teams.").nullable().default(null),
        page: pageInput,
      }),
    )
    .query(({ ctx, input }) => listAuditEntries(ctx.db, input)),
});
