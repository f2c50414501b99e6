import { randomUUID } from "node:crypto";

import type { Database } from "~/db";
import { users, type UserRole } from "~/db/schema";
import { createCaller } from "~/server/api/root";
import type { Context } from "~/server/api/trpc";
import type { CurrentUser } from "~/server/auth/current-user";
import { defaultRateLimitSettings } from "~/server/rate-limit";
import type { EventBus } from "~/server/realtime/bus";
import { createInProcessBus } from "~/server/realtime/in-process-bus";

export const testCookieSecret = "test-secret-that-is-long-enough-for-hmac-0123456789";

/** A test context: the given caller (or anonymous), optional cookies, an in-process bus. */
export function testContext(
  db: Database,
  user: CurrentUser | null,
  options: { cookie?: string; bus?: EventBus; clientAddress?: string } = {},
): Context {
  const headers = new Headers();
  if (options.cookie) headers.set("cookie", options.cookie);
  if (options.clientAddress) headers.set("x-forwarded-for", options.clientAddress);
  return {
    db,
    bus: options.bus ?? createInProcessBus(),
    user,
    headers,
    responseHeaders: new Headers(),
    cookieSecret: testCookieSecret,
    publicUrl: "http://localhost:3000",
    rateLimits: defaultRateLimitSettings,
  };
}

/** A tRPC caller of the real router, as the given user (or anonymous), with optional cookies. */
export function callerFor(db: Database, user: CurrentUser | null, cookie?: string) {
  return createCaller(testContext(db, user, { cookie }));
}

/** Inserts an account with the given role and returns it as the context sees it. */
export async function createUser(
  db: Database,
  role: UserRole,
  name: string = role,
): Promise<CurrentUser> {
  const [user] = await db
    .insert(users)
    .values({ email: `${name}-${randomUUID()}@example.test`, name, role })
    .returning({ id: users.id, email: users.email, name: users.name, role: users.role });
  return user!;
}

/**
 * Joins a session by its code as a guest phone and returns the participant with the cookie the
 * server set (`name=value`) and a caller that carries it.
 */
export async function joinAsGuest(db: Database, bus: EventBus, code: string, displayName: string) {
  const context = testContext(db, null, { bus });
  const joined = await createCaller(context).participant.join({
    code,
    displayName,
    joinKey: randomUUID(),
  });
  const cookie = context.responseHeaders.get("set-cookie")!.split(";")[0]!;
  return { ...joined, cookie, caller: createCaller(testContext(db, null, { cookie, bus })) };
}
