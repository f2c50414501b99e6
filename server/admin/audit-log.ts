import "server-only";

import { desc, eq, like } from "drizzle-orm";

import type { Database } from "~/db";
import { auditLog, users } from "~/db/schema";

import { auditKindActionPrefix, type AuditKind } from "./audit-kinds";
import { pageWindow } from "./paging";

export const auditPageSize = 50;

/** Admin changes, newest first, optionally of one kind, one page at a time. */
export async function listAuditEntries(
  db: Database,
  input: { kind: AuditKind | null; page: number },
) {
  const { limit, offset } = pageWindow(input.page, auditPageSize);
  const rows = await db
    .select({
      id: auditLog.id,
      action: auditLog.action,
      targetType: auditLog.targetType,
      targetId: auditLog.targetId,
      details: auditLog.details,
      createdAt: auditLog.createdAt,
      actorName: users.name,
      actorEmail: users.email,
    })
    .from(auditLog)
    .leftJoin(users, eq(users.id, auditLog.actorId))
    // The prefixes are fixed words and dots, so they carry no LIKE wildcards.
    .where(input.kind ? like(auditLog.action, `${auditKindActionPrefix[input.kind]}%`) : undefined)
    .orderBy(desc(auditLog.createdAt), desc(auditLog.id))
    .limit(limit)
    .offset(offset);
  return { entries: rows.slice(0, auditPageSize), hasMore: rows.length > auditPageSize };
}
