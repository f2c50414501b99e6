/**
 * A channel that keeps only the newest value: a slow reader skips stale snapshots instead of
 * queueing them, so memory per subscriber stays constant.
 */
export class LatestValue<T> {
  private value: T | undefined;
  private waiting: ((value: T | undefined) => void) | undefined;
  private closed = false;

  push(value: T) {
    if (this.closed) return;
    if (this.waiting) {
      const resolve = this.waiting;
      this.waiting = undefined;
      resolve(value);
    } else {
      this.value = value;
    }
  }

  close() {
    this.closed = true;
    this.waiting?.(undefined);
    this.waiting = undefined;
  }

  /** The next value, or undefined once closed. */
  next(): Promise<T | undefined> {
    if (this.value !== undefined) {
      const value = this.value;
      this.value = undefined;
      return Promise.resolve(value);
    }
    if (this.closed) return Promise.resolve(undefined);
    return new Promise((resolve) => (this.waiting = resolve));
  }
}
