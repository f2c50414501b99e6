import "server-only";

import type { Database } from "~/db";
import { auditLog } from "~/db/schema";

/**
 * What an admin changed, for the audit log. `action` is a dotted verb like `content.publish`;
 * its first part (`content.`, `user.`, `team.`) is the kind the log page filters by (see
 * audit-kinds.ts).
 */
export interface AuditEntry {
  actorId: string;
  action: string;
  targetType: "essay" | "user" | "team" | "membership" | "invite";
  targetId: string | null;
  details?: Record<string, unknown>;
}

/**
 * Records one admin change. Call it with the transaction that makes the change, so the log and
 * the change are written together or not at all.
 */
export async function recordAudit(db: Pick<Database, "insert">, entry: AuditEntry) {
  await db.insert(auditLog).values({ ...entry, details: entry.details ?? {} });
}
