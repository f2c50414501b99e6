import type { UserRole } from "~/db/schema";

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

/**
 * Why the change is refused, as a sentence for the admin, or null when it may go ahead.
 * `activeAdmins` counts active admins including the target, read under a lock so that two admins
 * demoting each other at once can't both succeed.
 */
export function accountChangeRefusal(input: {
  actorId: string;
  target: AccountChangeTarget;
  change: AccountChange;
  activeAdmins: number;
}): string | null {
  const { actorId, target, change, activeAdmins } = input;
  const self = actorId === target.id;
  if (self && change.kind === "deactivate") {
    return "You can't deactivate your own account. Ask another admin to do it.";
  }
  if (self && change.kind === "role" && change.to !== "admin") {
    return "You can't take away your own admin role. Ask another admin to do it.";
  }
  if (removesActiveAdmin(target, change) && activeAdmins <= 1) {
    return `${target.name} is the last active admin. Make someone else an admin first.`;
  }
  return null;
}
