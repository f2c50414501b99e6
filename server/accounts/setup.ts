import "server-only";

import { eq } from "drizzle-orm";

import type { Database } from "~/db";
import { installFlags, users } from "~/db/schema";

import { hashPassword } from "../auth/password";
import { LocalizedError } from "../i18n/localized-error";

const setupFlag = "setup-complete";

export async function isSetupComplete(db: Database): Promise<boolean> {
  const [row] = await db
    .select({ key: installFlags.key })
    .from(installFlags)
    .where(eq(installFlags.key, setupFlag));
  return row !== undefined;
}

export class SetupAlreadyDoneError extends LocalizedError {
  constructor() {
    super({ key: "setup.alreadyDone" });
  }
}

/** An account with this email exists already (made before setup, e.g. by a sign-in provider). */
export class SetupEmailTakenError extends LocalizedError {
  constructor(email: string) {
    super({ key: "setup.emailTaken", values: { email } });
  }
}

/**
 * Creates the first admin of a fresh install. The install flag's primary key makes exactly one
 * caller win even when two visitors submit the setup form at the same moment.
 */
export async function createFirstAdmin(
  db: Database,
  input: { email: string; name: string; password: string },
) {
  // Checked before hashing, so that once set up, anyone posting the form can't make the server
  // spend a memory-hard hash on each request. The claim below still decides the race.
  if (await isSetupComplete(db)) throw new SetupAlreadyDoneError();
  const passwordHash = await hashPassword(input.password);
  return db.transaction(async (tx) => {
    const claimed = await tx
      .insert(installFlags)
      .values({ key: setupFlag })
      .onConflictDoNothing()
      .returning();
    if (claimed.length === 0) throw new SetupAlreadyDoneError();
    const [admin] = await tx
      .insert(users)
      .values({ email: input.email, name: input.name, passwordHash, role: "admin" })
      .onConflictDoNothing({ target: users.email })
      .returning({ id: users.id, email: users.email, name: users.name, role: users.role });
    // Throwing rolls the install flag back too, so setup stays open for another email.
    if (!admin) throw new SetupEmailTakenError(input.email);
    return admin;
  });
}
