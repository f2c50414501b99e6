import { essays, teamMemberships, teams, type SessionSettings } from "~/db/schema";
import type { Database } from "~/db";
import { seedContent } from "~/db/seed";
import type { CurrentUser } from "~/server/auth/current-user";
import { createSession } from "~/server/sessions/create";

import { createUser } from "./callers";

export const defaultSettings: SessionSettings = {
  votingMethod: "dots",
  dots: 3,
  maxDotsPerPractice: 2,
  anonymousNotes: true,
};

/** A team with a facilitator and a member, and a live session on the seeded workshop. */
export async function createTeamWithSession(db: Database, slug: string) {
  await seedContent(db);
  const [essay] = await db.select({ id: essays.id }).from(essays).limit(1);
  const [team] = await db
    .insert(teams)
    .values({ slug, name: `Team ${slug}` })
    .returning();
  const facilitator = await createUser(db, "facilitator", `${slug}-facilitator`);
  const member = await createUser(db, "member", `${slug}-member`);
  await db.insert(teamMemberships).values([
    { teamId: team!.id, userId: facilitator.id, role: "facilitator" },
    { teamId: team!.id, userId: member.id, role: "member" },
  ]);
  const session = await createSession(db, {
    teamId: team!.id,
    essayId: essay!.id,
    title: `Session of ${slug}`,
    settings: defaultSettings,
    facilitatorId: facilitator.id,
  });
  return { team: team!, facilitator, member, session, essayId: essay!.id };
}

export type TeamWithSession = Awaited<ReturnType<typeof createTeamWithSession>>;
export type { CurrentUser };
