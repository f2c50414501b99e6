/**
 * Runs `flush` at most once per `intervalMs` however often `trigger` is called, and always once
 * more after the last trigger, so the final state is never left unsent. A busy session with
 * hundreds of votes a second then costs a few snapshot loads a second, not one per vote.
 */
export function createCoalescer(flush: () => Promise<void>, intervalMs: number) {
  let running = false;
  let pending = false;
  let lastStart = -Infinity;
  let timer: ReturnType<typeof setTimeout> | undefined;

  async function run() {
    timer = undefined;
    running = true;
    pending = false;
    lastStart = Date.now();
    try {
      await flush();
    } finally {
      running = false;
      if (pending) schedule();
    }
  }

  function schedule() {
    if (running || timer) return;
    const wait = Math.max(0, lastStart + intervalMs - Date.now());
    timer = setTimeout(() => void run(), wait);
  }

  return {
    trigger() {
      pending = true;
      schedule();
    },
    cancel() {
      if (timer) clearTimeout(timer);
      timer = undefined;
      pending = false;
    },
  };
}
