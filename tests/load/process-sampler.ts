import { readdirSync, readFileSync } from "node:fs";

const clockTicksPerSecond = 100; // USER_HZ, 100 on every Linux this runs on
const pageKb = 4;

interface ProcSample {
  ppid: number;
  cpuTicks: number;
  rssKb: number;
}

function readProc(pid: number): ProcSample | undefined {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
    // The command name sits in parentheses and may hold spaces; fields follow its closing one.
    const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
    return {
      ppid: Number(fields[1]),
      cpuTicks: Number(fields[11]) + Number(fields[12]),
      rssKb: Number(fields[21]) * pageKb,
    };
  } catch {
    return undefined; // gone meanwhile
  }
}

/**
 * Samples the memory and CPU time of the app servers and every process they started, from
 * /proc: peak resident memory of all of them together, and CPU time spent between `start`
 * and `stop`.
 */
export class ProcessSampler {
  private peakRssKb = 0;
  private readonly cpuAtStart = new Map<number, number>();
  private readonly cpuLatest = new Map<number, number>();
  private timer: ReturnType<typeof setInterval> | undefined;

  constructor(private readonly roots: number[]) {}

  private sample() {
    const all = new Map<number, ProcSample>();
    for (const entry of readdirSync("/proc")) {
      const pid = Number(entry);
      if (!Number.isInteger(pid)) continue;
      const proc = readProc(pid);
      if (proc) all.set(pid, proc);
    }
    const tree = new Set(this.roots);
    // Parents before children is not guaranteed; repeat until the tree stops growing.
    for (let grew = true; grew;) {
      grew = false;
      for (const [pid, proc] of all) {
        if (!tree.has(pid) && tree.has(proc.ppid)) {
          tree.add(pid);
          grew = true;
        }
      }
    }
    let rssKb = 0;
    for (const pid of tree) {
      const proc = all.get(pid);
      if (!proc) continue;
      rssKb += proc.rssKb;
      if (!this.cpuAtStart.has(pid)) this.cpuAtStart.set(pid, this.timer ? 0 : proc.cpuTicks);
      this.cpuLatest.set(pid, proc.cpuTicks);
    }
    this.peakRssKb = Math.max(this.peakRssKb, rssKb);
  }

  start(intervalMs = 200) {
    this.sample();
    this.timer = setInterval(() => this.sample(), intervalMs);
  }

  stop() {
    this.sample();
    clearInterval(this.timer);
    let ticks = 0;
    for (const [pid, latest] of this.cpuLatest) ticks += latest - (this.cpuAtStart.get(pid) ?? 0);
    return { peakRssMb: this.peakRssKb / 1024, cpuSeconds: ticks / clockTicksPerSecond };
  }
}
