import { createHmac, timingSafeEqual } from "node:crypto";

/**
 * A guest is bound to one session by an httpOnly cookie holding their participant id and an
 * HMAC of it, so a reload rejoins as the same participant and nobody can forge another's id.
 */
export function participantCookieName(sessionId: string) {
  return `practica_p_${sessionId.replaceAll("-", "")}`;
}

function mac(secret: string, sessionId: string, participantId: string) {
  return createHmac("sha256", secret).update(`${sessionId}:${participantId}`).digest("base64url");
}

export function signParticipantCookie(secret: string, sessionId: string, participantId: string) {
  return `${participantId}.${mac(secret, sessionId, participantId)}`;
}

/** The participant id in a cookie value, or null when it was not signed by us for this session. */
export function verifyParticipantCookie(
  secret: string,
  sessionId: string,
  value: string | undefined,
): string | null {
  if (!value) return null;
  const dot = value.indexOf(".");
  if (dot <= 0) return null;
  const participantId = value.slice(0, dot);
  const given = Buffer.from(value.slice(dot + 1));
  const expected = Buffer.from(mac(secret, sessionId, participantId));
  return given.length === expected.length && timingSafeEqual(given, expected)
    ? participantId
    : null;
}

/** The Set-Cookie header binding this browser to its participant for two days. */
export function participantSetCookie(
  secret: string,
  sessionId: string,
  participantId: string,
  secure: boolean,
) {
  const value = signParticipantCookie(secret, sessionId, participantId);
  return [
    `${participantCookieName(sessionId)}=${value}`,
    "Path=/",
    "HttpOnly",
    "SameSite=Lax",
    `Max-Age=${2 * 24 * 3600}`,
    ...(secure ? ["Secure"] : []),
  ].join("; ");
}
