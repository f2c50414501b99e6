/** One item's outcome in a batch: its value, or why it alone was refused. */
export type Settled<R> = { ok: true; value: R } | { ok: false; error: unknown };

/**
 * Group commit: items that arrive while a batch is being written wait and go together in the
 * next one, so the cost in round trips and commits grows with batches, not items. One batch is
 * in flight at a time, so a lone item goes at once and a crowd waits at most one batch. If the
 * write itself fails (say the database is away), every item of that batch gets the error.
 */
function createBatchQueue<T, R>(
  write: (batch: T[]) => Promise<Settled<R>[]>,
  /** Bounds one statement's size (Postgres takes at most 65,535 parameters). */
  maxBatch: number,
) {
  type Waiting = { item: T; resolve: (value: R) => void; reject: (error: unknown) => void };
  const queue: Waiting[] = [];
  let writing = false;

  async function drain() {
    writing = true;
    while (queue.length > 0) {
      const batch = queue.splice(0, maxBatch);
      try {
        const outcomes = await write(batch.map((waiting) => waiting.item));
        batch.forEach((waiting, i) => {
          const outcome = outcomes[i]!;
          if (outcome.ok) waiting.resolve(outcome.value);
          else waiting.reject(outcome.error);
        });
      } catch (error) {
        for (const waiting of batch) waiting.reject(error);
      }
    }
    writing = false;
  }

  return function enqueue(item: T): Promise<R> {
    return new Promise<R>((resolve, reject) => {
      queue.push({ item, resolve, reject });
      if (!writing) void drain();
    });
  };
}

/**
 * One batch queue per database handle (tests open several; a transaction's handle keeps its
 * items inside it), created on first use: `write` gets the handle its batch belongs to.
 */
export function createBatchQueues<Handle extends object, T, R>(
  write: (handle: Handle, batch: T[]) => Promise<Settled<R>[]>,
  maxBatch: number,
) {
  const queues = new WeakMap<Handle, (item: T) => Promise<R>>();
  return function enqueue(handle: Handle, item: T): Promise<R> {
    let queue = queues.get(handle);
    if (!queue) {
      queue = createBatchQueue((batch: T[]) => write(handle, batch), maxBatch);
      queues.set(handle, queue);
    }
    return queue(item);
  };
}
