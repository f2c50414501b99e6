// Seeds a demo team (two workshops a week apart, votes, actions in every column) into the
// database `npm start` uses: the embedded one in .data/pglite, or DATABASE_URL. With the embedded
// database, stop the server first (one process opens its folder at a time).
// Run with `npm run demo`, which adds the react-server condition that server modules expect.
import { mkdirSync } from "node:fs";
import path from "node:path";

import { createDatabase } from "~/db";
import {
  demoAdmin,
  demoPassword,
  demoPeople,
  demoTeamSlug,
  seedDemoTeam,
} from "~/server/demo/demo-team";

const url = process.env.DATABASE_URL || undefined;
const dataDir = process.env.PGLITE_DIR ?? ".data/pglite";
// On a fresh checkout the embedded database's parent folder doesn't exist yet; PGlite won't make it.
if (!url) mkdirSync(path.dirname(path.resolve(dataDir)), { recursive: true });
const handle = createDatabase({ url, dataDir });
try {
  await handle.migrate();
  const { created } = await seedDemoTeam(handle.db);
  console.log(
    created
      ? `Demo team seeded: /teams/${demoTeamSlug}. Sign in as ${demoPeople[0].email} (facilitator) ` +
          `or a member, e.g. ${demoPeople[1].email}, or the admin ${demoAdmin.email}; ` +
          `password "${demoPassword}".`
      : `The demo team already exists: /teams/${demoTeamSlug}.`,
  );
} finally {
  await handle.close();
}
