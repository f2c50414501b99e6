/**
 * The stages of a live session, in order. Kept free of Drizzle so that browser code can import
 * it without pulling the ORM into a phone's download.
 */
export const sessionStages = [
  "lobby",
  "review",
  "read",
  "discuss",
  "vote",
  "results",
  "actions",
  "wrapup",
] as const;

export type SessionStage = (typeof sessionStages)[number];

/** How a voting round asks people to choose (see DESIGN.md, "Voting methods"). */
export const votingMethods = ["dots", "approval", "maturity"] as const;
export type VotingMethod = (typeof votingMethods)[number];
