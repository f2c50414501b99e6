import { spawn, type ChildProcess } from "node:child_process";
import { existsSync } from "node:fs";
import path from "node:path";

/**
 * Runs the production build (`next start`) as a separate process, the way it runs in
 * production, and stops it again. Needs `npm run build` to have run.
 */
export interface AppServer {
  url: string;
  process: ChildProcess;
  stop(): Promise<void>;
}

export async function startAppServer(options: {
  port: number;
  env: Record<string, string>;
}): Promise<AppServer> {
  if (!existsSync(".next/BUILD_ID")) {
    throw new Error("No production build: run `npm run build` before this test.");
  }
  const url = `http://127.0.0.1:${options.port}`;
  const child = spawn(
    process.execPath,
    [path.resolve("node_modules/next/dist/bin/next"), "start", "-p", String(options.port)],
    {
      env: { ...process.env, NODE_ENV: "production", PUBLIC_URL: url, ...options.env },
      stdio: ["ignore", "pipe", "pipe"],
    },
  );
  let output = "";
  child.stdout?.on("data", (chunk: Buffer) => (output += chunk.toString()));
  child.stderr?.on("data", (chunk: Buffer) => (output += chunk.toString()));
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));

  const deadline = Date.now() + 60_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`App server exited early:\n${output}`);
    try {
      if ((await fetch(`${url}/api/health`)).ok) break;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) {
      child.kill("SIGKILL");
      throw new Error(`App server did not become healthy in time:\n${output}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  return {
    url,
    process: child,
    async stop() {
      if (child.exitCode === null) child.kill("SIGTERM");
      await exited;
    },
  };
}
