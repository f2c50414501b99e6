/** The bench's command line: `npm run bench -- --participants 2000 --instances 2`. */
export interface BenchOptions {
  participants: number;
  instances: number;
  db: "postgres" | "pglite";
  /** Skip `next build` and serve the build that is already in .next (the test command's). */
  build: boolean;
  /** A server where the bench may create (and afterwards drop) a scratch database. */
  databaseUrl: string | undefined;
  /** First port of the app servers; free ports when unset. */
  port: number | undefined;
  /** Phones joining at once. */
  joinConcurrency: number;
  /** Each phone casts its ballot at a random moment this many seconds after it shows the round. */
  voteWindowS: number;
  /** Measure the phone page's JavaScript in Chromium. */
  phoneJs: boolean;
  /** Write each app server's V8 CPU profile to this folder (`node --cpu-prof`). */
  cpuProfDir: string | undefined;
}

const usage = `usage: npm run bench -- [options]
  --participants N       simulated phones (default 500)
  --instances K          app servers on one PostgreSQL (default 1)
  --db postgres|pglite   database (default postgres; pglite runs 1 instance)
  --database-url URL     PostgreSQL server to use (default: $DATABASE_URL, else a throwaway cluster);
                         the bench creates and drops a scratch database on it
  --no-build             serve the existing production build instead of running next build
  --port P               first app server port (default: free ports)
  --join-concurrency C   phones joining at once (default 50)
  --vote-window S        seconds over which each phone casts its ballot once it shows the round
                         (default 10; 0 = at once)
  --no-phone-js          skip the Chromium measurement of the phone page's JavaScript
  --cpu-prof DIR         write a V8 CPU profile of every app server to DIR`;

function positiveInt(name: string, value: string | undefined, min = 1) {
  const n = Number(value);
  if (!Number.isInteger(n) || n < min) throw new Error(`${name} needs a whole number ≥ ${min}`);
  return n;
}

export function parseOptions(argv: string[], env: NodeJS.ProcessEnv): BenchOptions {
  const options: BenchOptions = {
    participants: 500,
    instances: 1,
    db: "postgres",
    build: true,
    databaseUrl: env.DATABASE_URL || undefined,
    port: undefined,
    joinConcurrency: 50,
    voteWindowS: 10,
    phoneJs: true,
    cpuProfDir: undefined,
  };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    const value = () => {
      const next = argv[++i];
      if (next === undefined) throw new Error(`${arg} needs a value\n${usage}`);
      return next;
    };
    switch (arg) {
      case "--participants":
        options.participants = positiveInt(arg, value());
        break;
      case "--instances":
        options.instances = positiveInt(arg, value());
        break;
      case "--db": {
        const db = value();
        if (db !== "postgres" && db !== "pglite") throw new Error(`--db is postgres or pglite`);
        options.db = db;
        break;
      }
      case "--database-url":
        options.databaseUrl = value();
        break;
      case "--no-build":
        options.build = false;
        break;
      case "--port":
        options.port = positiveInt(arg, value(), 1024);
        break;
      case "--join-concurrency":
        options.joinConcurrency = positiveInt(arg, value());
        break;
      case "--vote-window":
        options.voteWindowS = Number(value());
        if (!(options.voteWindowS >= 0)) throw new Error("--vote-window needs seconds ≥ 0");
        break;
      case "--no-phone-js":
        options.phoneJs = false;
        break;
      case "--cpu-prof":
        options.cpuProfDir = value();
        break;
      case "--help":
      case "-h":
        console.log(usage);
        process.exit(0);
        break;
      default:
        throw new Error(`Unknown option ${arg}\n${usage}`);
    }
  }
  // The embedded database lives inside one process: a second instance could not share it.
  if (options.db === "pglite" && options.instances !== 1) {
    throw new Error("--db pglite runs one instance only (the embedded database is in-process)");
  }
  return options;
}
