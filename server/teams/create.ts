import "server-only";

import { eq, like, or } from "drizzle-orm";

import type { Database } from "~/db";
import { teamMemberships, teams } from "~/db/schema";

import { nextFreeSlug, slugFromName } from "./slug";

/** Enough for any realistic burst of same-named teams; each round re-reads the taken slugs. */
const slugAttempts = 8;

/**
 * Creates a team with a slug derived from its name and makes the creator its facilitator.
 * Two people creating "Core" at once both read "core" as free; the unique index lets one insert
 * win, and the other picks again from the slugs taken by then.
 */
export async function createTeam(db: Database, input: { name: string; creatorId: string }) {
  const base = slugFromName(input.name);
  for (let attempt = 0; attempt < slugAttempts; attempt++) {
    // `base` holds only [a-z0-9-], so it can't smuggle LIKE wildcards into the pattern.
    const taken = await db
      .select({ slug: teams.slug })
      .from(teams)
      .where(or(eq(teams.slug, base), like(teams.slug, `${base}-%`)));
    const slug = nextFreeSlug(
      base,
      taken.map((row) => row.slug),
    );
    const team = await db.transaction(async (tx) => {
      const [created] = await tx
        .insert(teams)
        .values({ slug, name: input.name, createdById: input.creatorId })
        .onConflictDoNothing({ target: teams.slug })
        .returning({ id: teams.id, slug: teams.slug, name: teams.name });
      if (!created) return null;
      await tx
        .insert(teamMemberships)
        .values({ teamId: created.id, userId: input.creatorId, role: "facilitator" });
      return created;
    });
    if (team) return team;
  }
  throw new Error(`No free slug for "${base}" after ${slugAttempts} attempts`);
}
