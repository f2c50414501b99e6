import type { UserRole } from "~/db/schema";

import { renderServerText, type ServerText } from "../i18n/server-text";

/**
 * Rules for changing an account from the admin screens, as pure functions. The install must
 * always keep one active admin, and an admin can't lock themselves out by accident: another admin
 * has to demote or deactivate them.
 */
export type AccountChange = { kind: "role"; to: UserRole } | { kind: "deactivate" };

export interface AccountChangeTarget {
  id: string;
  name: string;
  role: UserRole;
  deactivatedAt: Date | null;
}

/** Whether the change takes an active admin away from the install. */
export function removesActiveAdmin(target: AccountChangeTarget, change: AccountChange) {
  const activeAdmin = target.role === "admin" && target.deactivatedAt === null;
  if (!activeAdmin) return false;
  return change.kind === "deactivate" || change.to !== "admin";
}

interface AccountChangeRequest {
  actorId: string;
  target: AccountChangeTarget;
  change: AccountChange;
  activeAdmins: number;
}

/**
 * Why the change is refused, as a message for the admin, or null when it may go ahead.
 * `activeAdmins` counts active admins including the target, read under a lock so that two admins
 * demoting each other at once can't both succeed.
 */
export function accountChangeRefusalText(input: AccountChangeRequest): ServerText | null {
  const { actorId, target, change, activeAdmins } = input;
  const self = actorId === target.id;
  if (self && change.kind === "deactivate") return { key: "admin.cantDeactivateSelf" };
  if (self && change.kind === "role" && change.to !== "admin")
    return { key: "admin.cantDemoteSelf" };
  if (removesActiveAdmin(target, change) && activeAdmins <= 1) {
    return { key: "admin.lastAdmin", values: { name: target.name } };
  }
  return null;
}

/** The refusal as an English sentence, or null. */
export function accountChangeRefusal(input: AccountChangeRequest): string | null {
  const text = accountChangeRefusalText(input);
  return text && renderServerText(text);
}
