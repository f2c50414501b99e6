import { describe, expect, it } from "vitest";

import {
  participantCookieName,
  signParticipantCookie,
  verifyParticipantCookie,
} from "~/server/sessions/participant-cookie";

const secret = "a-secret-that-is-long-enough-for-this-test";
const session = "6f0b3c1e-4d7a-4f4e-9a53-0c1d2e3f4a5b";
const participant = "0a1b2c3d-1111-4222-8333-444455556666";

describe("participant cookie", () => {
  it("round-trips the participant id for its session", () => {
    const value = signParticipantCookie(secret, session, participant);
    expect(verifyParticipantCookie(secret, session, value)).toBe(participant);
  });

  it("refuses a cookie for another session, another secret, or a tampered id", () => {
    const value = signParticipantCookie(secret, session, participant);
    const otherSession = "7f0b3c1e-4d7a-4f4e-9a53-0c1d2e3f4a5b";
    expect(verifyParticipantCookie(secret, otherSession, value)).toBeNull();
    expect(verifyParticipantCookie(`${secret}!`, session, value)).toBeNull();
    expect(verifyParticipantCookie(secret, session, value.replace(/^0/, "1"))).toBeNull();
    expect(verifyParticipantCookie(secret, session, undefined)).toBeNull();
    expect(verifyParticipantCookie(secret, session, "no-dot")).toBeNull();
  });

  it("names one cookie per session", () => {
    expect(participantCookieName(session)).toBe("practica_p_6f0b3c1e4d7a4f4e9a530c1d2e3f4a5b");
  });
});
