#!/usr/bin/env node
/*
 * The production server (scripts/start.mjs runs it): Next's own request handler, as `next start`
 * uses it, behind a Node HTTP server that first offers each request to what the app answers
 * ahead of Next: the phones' tRPC calls and live streams (server/ahead-of-next.ts says why). The
 * app publishes that handler when it starts (instrumentation.ts); until then everything goes to
 * Next, which answers those requests the same way, only at a higher cost.
 */
import { readFileSync } from "node:fs";
import http from "node:http";

import next from "next";

/*
 * Serve with the configuration the build resolved (.next/required-server-files.json), as Next's
 * own standalone server does, rather than compiling next.config.ts again at every start: that
 * loads SWC's native compilers, ~55 MB of memory per server process, only to read the config.
 * (Should a Next version stop reading this variable, it loads next.config.ts as before.)
 */
const { config } = JSON.parse(readFileSync(".next/required-server-files.json", "utf8"));
process.env.__NEXT_PRIVATE_STANDALONE_CONFIG ??= JSON.stringify(config);

const port = Number(process.env.PORT ?? 3000);
const app = next({ dev: false, port });
const handle = app.getRequestHandler();
await app.prepare();

const aheadOfNext = Symbol.for("practica.answerAheadOfNext");
const server = http.createServer((request, response) => {
  if (globalThis[aheadOfNext]?.(request, response)) return;
  void handle(request, response);
});
// Every state lives in the database, and open streams would hold a graceful close for ever:
// stop at once (which also lets `node --cpu-prof` write its profile).
for (const signal of ["SIGINT", "SIGTERM"]) process.on(signal, () => process.exit(0));

// On every interface, as `next start` listens.
server.listen(port, () => {
  console.log(`Practica is serving the production build on port ${port}`);
});
