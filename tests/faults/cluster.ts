import { execFileSync } from "node:child_process";

import postgres from "postgres";

const bin = "/usr/lib/postgresql/15/bin";

/** The server refuses to run as root; as root the cluster belongs to `postgres`, as in the script. */
function asOwner(command: string, args: string[]) {
  const [file, argv] =
    process.getuid?.() === 0
      ? ["runuser", ["-u", "postgres", "--", command, ...args]]
      : [command, args];
  return execFileSync(file, argv, { encoding: "utf8", stdio: ["ignore", "pipe", "pipe"] });
}

/**
 * A throwaway PostgreSQL 15 cluster (scripts/postgres-cluster.sh) that a test can stop and start
 * again on the same port and data, as an operator restarting the server would.
 */
export interface FaultCluster {
  /** A fresh, empty database on the cluster: a fresh install for the app. */
  createDatabase(name: string): Promise<string>;
  /** `pg_ctl stop -m fast`: every connection is closed and new ones are refused. */
  stop(): void;
  /** Starts the stopped cluster again with its original settings. */
  start(): void;
  destroy(): void;
}

export function startFaultCluster(): FaultCluster {
  const exports = execFileSync("bash", ["scripts/postgres-cluster.sh", "start"], {
    encoding: "utf8",
    stdio: ["ignore", "pipe", "inherit"],
    // Playwright sets FORCE_COLOR for its children; the script's port must not come out coloured.
    env: { ...process.env, FORCE_COLOR: "0" },
  });
  const value = (name: string) => new RegExp(`export ${name}=(\\S+)`).exec(exports)?.[1];
  const dir = value("TEST_PG_DIR");
  const url = value("TEST_DATABASE_URL");
  if (!dir || !url) throw new Error(`postgres-cluster.sh printed no URL:\n${exports}`);
  const port = new URL(url).port;
  const data = `${dir}/data`;
  // The same options the script starts it with; `pg_ctl start` does not remember them.
  const serverOptions = `-p ${port} -k ${dir} -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=300`;

  return {
    async createDatabase(name) {
      const admin = postgres(url, { max: 1, onnotice: () => {} });
      try {
        await admin.unsafe(`create database ${name}`);
      } finally {
        await admin.end({ timeout: 5 });
      }
      const databaseUrl = new URL(url);
      databaseUrl.pathname = `/${name}`;
      return databaseUrl.toString();
    },
    stop() {
      asOwner(`${bin}/pg_ctl`, ["-D", data, "-m", "fast", "-w", "stop"]);
    },
    start() {
      asOwner(`${bin}/pg_ctl`, [
        "-D",
        data,
        "-l",
        `${dir}/server.log`,
        "-w",
        "-t",
        "60",
        "-o",
        serverOptions,
        "start",
      ]);
    },
    destroy() {
      execFileSync("bash", ["scripts/postgres-cluster.sh", "stop", dir]);
    },
  };
}
