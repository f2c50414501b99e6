import type { TeamRole, UserRole } from "~/db/schema";

/**
 * Who may do what, as pure functions. Procedure bases and team-scoped procedures call these;
 * nothing else decides access.
 */
export interface Actor {
  role: UserRole;
}

export const isAdmin = (actor: Actor | null) => actor?.role === "admin";

/** Facilitators create teams and run sessions; admins may do everything. */
export const mayFacilitate = (actor: Actor | null) =>
  actor?.role === "facilitator" || actor?.role === "admin";

/** A signed-in, active account. */
export const isSignedIn = <T extends Actor>(actor: T | null): actor is T => actor !== null;

/** Reading a team's board, dashboard and summaries: its members, and admins. */
export const maySeeTeam = (actor: Actor | null, membership: TeamRole | null) =>
  isAdmin(actor) || (actor !== null && membership !== null);

/** Running the team's sessions and editing any of its actions. */
export const mayManageTeam = (actor: Actor | null, membership: TeamRole | null) =>
  isAdmin(actor) || (mayFacilitate(actor) && membership === "facilitator");

/** Moving and editing an action on the board: its owner (still in the team), or who manages the team. */
export const mayEditAction = (
  actor: (Actor & { id: string }) | null,
  membership: TeamRole | null,
  ownerId: string | null,
) =>
  mayManageTeam(actor, membership) ||
  (actor !== null && membership !== null && ownerId === actor.id);

/** During a review, a phone may mark an action only when its signed-in person owns it. */
export const mayReviewFromPhone = (participantUserId: string | null, ownerId: string | null) =>
  participantUserId !== null && participantUserId === ownerId;
