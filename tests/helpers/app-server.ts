import { spawn, type ChildProcess } from "node:child_process";
import { existsSync, readFileSync } from "node:fs";
import path from "node:path";

/** The Node flags `npm start` runs the server with (scripts/start.mjs). */
const serverNodeFlags = JSON.parse(
  readFileSync(path.resolve("scripts/server-node-flags.json"), "utf8"),
) as string[];

/**
 * Runs the production build (scripts/server.mjs, the process `npm start` runs) as a separate process,
 * the way it runs in production, waits until it answers its health check (once migrations and
 * the seed have run), and stops it again. Needs `npm run build` to have run. Used by the
 * multi-instance integration test, the bench and the fault tests.
 */
export interface AppServer {
  url: string;
  process: ChildProcess;
  /** Lines the server wrote to stderr: internal errors show up here. */
  errorLines: string[];
  stop(): Promise<void>;
  /** Kills the process with SIGKILL, as a crash or an OOM kill would: no clean-up runs. */
  kill(): Promise<void>;
}

export async function startAppServer(options: {
  port: number;
  env: Record<string, string>;
  /** Write the server's V8 CPU profile to this folder (`node --cpu-prof`) when it stops. */
  cpuProfDir?: string;
  healthTimeoutMs?: number;
}): Promise<AppServer> {
  if (!existsSync(".next/BUILD_ID")) {
    throw new Error("No production build: run `npm run build` first.");
  }
  const url = `http://127.0.0.1:${options.port}`;
  const nodeFlags = [
    // As `npm start` runs the server (scripts/start.mjs).
    ...serverNodeFlags,
    ...(options.cpuProfDir
      ? ["--cpu-prof", `--cpu-prof-dir=${path.resolve(options.cpuProfDir)}`]
      : []),
  ];
  const child = spawn(process.execPath, [...nodeFlags, path.resolve("scripts/server.mjs")], {
    env: {
      ...process.env,
      NODE_ENV: "production",
      PORT: `${options.port}`,
      PUBLIC_URL: url,
      ...options.env,
    },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  const errorLines: string[] = [];
  child.stdout.on("data", (chunk: Buffer) => (output += chunk.toString()));
  child.stderr.on("data", (chunk: Buffer) => {
    output += chunk.toString();
    errorLines.push(...chunk.toString().split("\n").filter(Boolean));
  });
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));

  const deadline = Date.now() + (options.healthTimeoutMs ?? 120_000);
  for (;;) {
    if (child.exitCode !== null) throw new Error(`App server exited early:\n${output}`);
    try {
      if ((await fetch(`${url}/api/health`)).ok) break;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) {
      child.kill("SIGKILL");
      throw new Error(`App server on ${url} did not become healthy in time:\n${output}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  return {
    url,
    process: child,
    errorLines,
    async stop() {
      if (child.exitCode !== null) return;
      child.kill("SIGTERM");
      // The server exits at once on SIGTERM, writing a CPU profile if asked for one, which takes
      // a moment; a server that hangs is stopped hard.
      const hard = setTimeout(() => child.kill("SIGKILL"), 15_000);
      await exited;
      clearTimeout(hard);
    },
    async kill() {
      if (child.exitCode !== null || child.signalCode !== null) return;
      child.kill("SIGKILL");
      await exited;
    },
  };
}
