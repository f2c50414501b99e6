import { randomBytes } from "node:crypto";

import type { RoomSnapshot } from "~/server/sessions/snapshot";

import { createHttpClient } from "../helpers/http-client";
import type { ErrorLog } from "./stats";

type Marks = { practiceId: string; points: number; importance: null }[];

/**
 * One simulated phone: its own cookie jar, joined over HTTP, following the room through its own
 * server-sent-events subscription with the real tRPC client, casting one ballot. It records
 * when things happened so the bench can measure them.
 */
export class Phone {
  private readonly client;
  /** The phone's cookies: its participant cookie once joined. */
  readonly jar;
  private subscription: { unsubscribe(): void } | undefined;
  private closing = false;
  private live = false;

  joinMs: number | undefined;
  connected = false;
  /** The open round this phone's subscription showed first, and when. */
  roundSeen: { id: string; at: number } | undefined;
  private showRound: (round: { id: string; at: number }) => void = () => {};
  /** Settles when the phone first shows an open round: its ballot is on the screen. */
  readonly roundShown = new Promise<{ id: string; at: number }>((resolve) => {
    this.showRound = resolve;
  });
  voteMs: number | undefined;
  ackedAt: number | undefined;
  marks: Marks | undefined;
  /** When this phone's subscription first showed the revealed results of the round. */
  resultsAt: number | undefined;

  constructor(
    readonly index: number,
    readonly baseUrl: string,
    private readonly sessionId: string,
    private readonly errors: ErrorLog,
  ) {
    ({ client: this.client, jar: this.jar } = createHttpClient(baseUrl));
  }

  async join(code: string) {
    const started = performance.now();
    try {
      await this.client.participant.join.mutate({
        code,
        displayName: `Phone ${this.index + 1}`,
        joinKey: randomBytes(12).toString("base64url"),
      });
      this.joinMs = performance.now() - started;
      return true;
    } catch (error) {
      this.errors.add("join failed", error);
      return false;
    }
  }

  follow() {
    this.subscription = this.client.participant.live.subscribe(
      { sessionId: this.sessionId, lastEventId: null },
      {
        onData: (update) => this.see(update.data),
        onError: (error) => this.errors.add("phone subscription error", error),
        onConnectionStateChange: (change) => {
          // Once live, going back to "connecting" means the stream dropped (it then resumes).
          if (change.state === "pending") this.live = true;
          else if (change.state === "connecting" && this.live && !this.closing) {
            this.errors.add("phone subscription dropped", change.error);
          }
        },
        onComplete: () => {
          if (!this.closing) this.errors.add("phone subscription ended by the server");
        },
      },
    );
  }

  private see(room: RoomSnapshot) {
    this.connected = true;
    const now = performance.now();
    const round = room.voting.round;
    if (!this.roundSeen && round?.status === "open") {
      this.roundSeen = { id: round.id, at: now };
      this.showRound(this.roundSeen);
    }
    const results = room.voting.results;
    if (this.resultsAt === undefined && results && results.roundId === this.roundSeen?.id) {
      this.resultsAt = now;
    }
  }

  /** Dot voting's defaults: three dots, at most two on one practice, spread by phone. */
  static marksFor(index: number, practiceIds: readonly string[]): Marks {
    const n = practiceIds.length;
    const first = practiceIds[index % n]!;
    const second =
      practiceIds[(index * 7 + 3) % n === index % n ? (index + 1) % n : (index * 7 + 3) % n]!;
    return [
      { practiceId: first, points: 2, importance: null },
      { practiceId: second, points: 1, importance: null },
    ];
  }

  async vote(roundId: string, practiceIds: readonly string[]) {
    const marks = Phone.marksFor(this.index, practiceIds);
    const started = performance.now();
    try {
      await this.client.voting.cast.mutate({
        sessionId: this.sessionId,
        roundId,
        submissionId: randomBytes(12).toString("base64url"),
        marks,
      });
      this.ackedAt = performance.now();
      this.voteMs = this.ackedAt - started;
      this.marks = marks;
    } catch (error) {
      this.errors.add("ballot failed", error);
    }
  }

  close() {
    this.closing = true;
    this.subscription?.unsubscribe();
  }
}
