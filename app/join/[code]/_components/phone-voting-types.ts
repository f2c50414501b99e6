import type { RoomSnapshot } from "~/server/sessions/snapshot";

import type { PhoneState } from "./phone-session";

export type Practice = PhoneState["content"]["practices"][number];
export type OpenRound = NonNullable<RoomSnapshot["voting"]["round"]>;

/** A phone's marks while it fills in a ballot, by practice. */
export type DraftMarks = ReadonlyMap<string, { points: number; importance: number | null }>;
