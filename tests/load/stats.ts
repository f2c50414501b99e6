/** Nearest-rank percentile of some durations; 0 for none. */
export function percentile(values: readonly number[], p: number) {
  if (values.length === 0) return 0;
  const sorted = [...values].sort((a, b) => a - b);
  const index = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[index]!;
}

export const round1 = (value: number) => Math.round(value * 10) / 10;

/** Counts failures and keeps the first few messages for the report. */
export class ErrorLog {
  count = 0;
  private readonly samples = new Map<string, number>();

  add(what: string, error?: unknown) {
    this.count++;
    const detail =
      error instanceof Error ? error.message : error ? (JSON.stringify(error) ?? "") : "";
    const key = detail ? `${what}: ${detail.slice(0, 200)}` : what;
    this.samples.set(key, (this.samples.get(key) ?? 0) + 1);
  }

  summary() {
    return [...this.samples].map(([message, times]) => `${times}× ${message}`);
  }
}

/** Resolves once `check` holds, polling; rejects with `what` after `timeoutMs`. */
export async function waitUntil(check: () => boolean, timeoutMs: number, what: string) {
  const deadline = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > deadline)
      throw new Error(`Timed out after ${timeoutMs} ms waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

/** Runs `task` over `items` with at most `limit` running at once. */
export async function inPool<T>(
  items: readonly T[],
  limit: number,
  task: (item: T) => Promise<void>,
) {
  let next = 0;
  const worker = async () => {
    while (next < items.length) await task(items[next++]!);
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
}

export function table(rows: [string, string | number][]) {
  const width = Math.max(...rows.map(([name]) => name.length));
  return rows.map(([name, value]) => `  ${name.padEnd(width)}  ${value}`).join("\n");
}
