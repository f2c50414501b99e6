import type { ActionStatus } from "~/db/schema/actions";
import type { MaturityRow, ScoreRow } from "../voting/tally";

/** What a session decided, as the summary page and the Markdown export show it. */
export interface SessionSummary {
  session: {
    id: string;
    title: string;
    createdAt: Date;
    endedAt: Date | null;
  };
  team: { id: string; slug: string; name: string };
  workshop: { title: string; version: number };
  /** People who joined and were not removed. */
  participants: number;
  /** Revealed rounds, in the order they ran. */
  rounds: SummaryRound[];
  /** Rounds that were never revealed (their tallies stay hidden). */
  unrevealedRounds: number;
  adopted: { practiceId: string; title: string; adoptedAt: Date }[];
  /** Actions the session agreed to, whatever happened to them since. */
  actions: SummaryAction[];
  proposals: {
    /** Proposals the session declined. */
    dropped: number;
    /** Duplicates merged into another action. */
    merged: number;
    /** Still waiting for a decision (a live session). */
    open: number;
  };
  /** Notes written (hidden ones aside). */
  notes: number;
}

type Titled<T> = T & { title: string };

export type SummaryRound = { roundId: string; number: number; revealedAt: Date | null } & (
  | { method: "dots" | "approval"; ballots: number; rows: Titled<ScoreRow>[] }
  | { method: "maturity"; ballots: number; rows: Titled<MaturityRow>[] }
);

export interface SummaryAction {
  id: string;
  title: string;
  status: Exclude<ActionStatus, "proposed">;
  ownerName: string | null;
  /** YYYY-MM-DD. */
  dueOn: string | null;
  practiceTitle: string | null;
  completedAt: Date | null;
}
