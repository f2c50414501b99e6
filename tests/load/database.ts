import { execFileSync } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";

import postgres from "postgres";

/** The database the app servers run on, and how to get rid of it afterwards. */
export interface BenchDatabase {
  /** What the app servers get as their environment. */
  env: Record<string, string>;
  describe: string;
  destroy(): Promise<void>;
}

/** The embedded database in a fresh folder, as `npm start` runs it with no DATABASE_URL. */
export function pgliteDatabase(): BenchDatabase {
  const dir = mkdtempSync(path.join(os.tmpdir(), "practica-bench-pglite-"));
  return {
    // An empty DATABASE_URL is "unset" to server/env.ts, whatever the shell exports.
    env: { DATABASE_URL: "", PGLITE_DIR: dir },
    describe: `PGlite in ${dir}`,
    destroy: () => Promise.resolve(rmSync(dir, { recursive: true, force: true })),
  };
}

function startThrowawayCluster() {
  const exports = execFileSync("bash", ["scripts/postgres-cluster.sh", "start"], {
    encoding: "utf8",
    stdio: ["ignore", "pipe", "inherit"],
  });
  const value = (name: string) => new RegExp(`export ${name}=(\\S+)`).exec(exports)?.[1];
  const dir = value("TEST_PG_DIR");
  const url = value("TEST_DATABASE_URL");
  if (!dir || !url) throw new Error(`postgres-cluster.sh printed no URL:\n${exports}`);
  return {
    url,
    stop: () => execFileSync("bash", ["scripts/postgres-cluster.sh", "stop", dir]),
  };
}

/**
 * A scratch database on a PostgreSQL server: on `serverUrl` when given, else on a throwaway
 * cluster started for the run. A fresh database means a fresh install (the bench sets up the
 * first admin), and it is dropped afterwards, so the bench never touches anyone's data.
 */
export async function postgresDatabase(serverUrl: string | undefined): Promise<BenchDatabase> {
  const cluster = serverUrl ? undefined : startThrowawayCluster();
  const adminUrl = serverUrl ?? cluster!.url;
  const name = `practica_bench_${Date.now().toString(36)}_${process.pid}`;
  const admin = postgres(adminUrl, { max: 1, onnotice: () => {} });
  try {
    await admin.unsafe(`create database ${name}`);
  } catch (error) {
    await admin.end();
    cluster?.stop();
    throw error;
  }
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  return {
    env: { DATABASE_URL: url.toString() },
    describe: `PostgreSQL database ${name} on ${url.host}${cluster ? " (throwaway cluster)" : ""}`,
    async destroy() {
      try {
        await admin.unsafe(`drop database if exists ${name} with (force)`);
      } finally {
        await admin.end({ timeout: 5 });
        cluster?.stop();
      }
    },
  };
}
