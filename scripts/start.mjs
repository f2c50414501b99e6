#!/usr/bin/env node
// Starts Practica: `node scripts/start.mjs` serves the production build, `… dev` the dev server.
// On first run it creates a signing secret in .data/ (unless AUTH_SECRET is set), so one command
// works on a fresh machine. Migrations and the content seed run inside the server at start.
import { spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";

const mode = process.argv[2] === "dev" ? "dev" : "start";
const port = process.env.PORT ?? "3000";
const dataDir = path.resolve(".data");

function authSecret() {
  if (process.env.AUTH_SECRET) return process.env.AUTH_SECRET;
  const file = path.join(dataDir, "auth-secret");
  if (!existsSync(file)) {
    mkdirSync(dataDir, { recursive: true });
    writeFileSync(file, randomBytes(32).toString("base64url"), { mode: 0o600 });
  }
  return readFileSync(file, "utf8").trim();
}

/*
 * V8 lets the heap grow to up to four times what is live before it collects, so a server holding
 * 2,000 phones' streams (~250 MB live) peaked at over 600 MB. Growing by half at a time keeps the
 * peak near 500 MB for ~10 % more CPU spent collecting (docs/performance.md). The bench starts
 * its servers with the same flags (tests/helpers/app-server.ts).
 */
function nodeFlags() {
  return mode === "start"
    ? JSON.parse(readFileSync(path.resolve("scripts/server-node-flags.json"), "utf8"))
    : [];
}

if (mode === "start" && !existsSync(".next/BUILD_ID")) {
  console.error("No production build found. Run `npm run build` first.");
  process.exit(1);
}

const publicUrl = process.env.PUBLIC_URL ?? `http://localhost:${port}`;
// Run node directly (not through npx/sh) so that signals reach the server itself. The production
// server is Next's handler behind our own (scripts/server.mjs); development is `next dev`.
const serverArgs =
  mode === "start"
    ? [path.resolve("scripts/server.mjs")]
    : [path.resolve("node_modules/next/dist/bin/next"), "dev", "-p", port];
const server = spawn(process.execPath, [...nodeFlags(), ...serverArgs], {
  stdio: "inherit",
  env: {
    ...process.env,
    ...(mode === "start" ? { NODE_ENV: "production" } : {}),
    PORT: port,
    AUTH_SECRET: authSecret(),
    PUBLIC_URL: publicUrl,
  },
});
// Open live connections (server-sent events) keep Next from exiting on its own; every state lives
// in the database, so after a short grace period the server is stopped hard.
for (const signal of ["SIGINT", "SIGTERM"]) {
  process.on(signal, () => {
    server.kill(signal);
    setTimeout(() => server.kill("SIGKILL"), 3000).unref();
  });
}
server.on("exit", (code) => process.exit(code ?? 0));

async function announceWhenReady() {
  for (let attempt = 0; attempt < 240; attempt++) {
    try {
      const response = await fetch(`http://127.0.0.1:${port}/api/health`);
      if (response.ok) {
        const setup = await fetch(`http://127.0.0.1:${port}/setup`, { redirect: "manual" });
        const next =
          setup.status === 200
            ? `Open ${publicUrl}/setup to create the admin account.`
            : `Open ${publicUrl} to join a session, or ${publicUrl}/sign-in to sign in.`;
        console.log(`\n  Practica is running at ${publicUrl}\n  ${next}\n`);
        return;
      }
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
}
void announceWhenReady();
