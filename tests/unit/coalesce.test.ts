import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";

import { createCoalescer } from "~/server/realtime/coalesce";
import { LatestValue } from "~/server/realtime/latest-value";

beforeEach(() => vi.useFakeTimers());
afterEach(() => vi.useRealTimers());

describe("coalescing session updates", () => {
  it("flushes at once, then at most once per interval however many triggers arrive", async () => {
    const flush = vi.fn(() => Promise.resolve());
    const coalescer = createCoalescer(flush, 200);
    coalescer.trigger();
    await vi.advanceTimersByTimeAsync(0);
    expect(flush).toHaveBeenCalledTimes(1);

    for (let i = 0; i < 500; i++) coalescer.trigger();
    await vi.advanceTimersByTimeAsync(199);
    expect(flush).toHaveBeenCalledTimes(1);
    await vi.advanceTimersByTimeAsync(1);
    expect(flush).toHaveBeenCalledTimes(2);

    await vi.advanceTimersByTimeAsync(1000);
    expect(flush).toHaveBeenCalledTimes(2);
  });

  it("always flushes once more after the last trigger, even one during a slow flush", async () => {
    let finish: (() => void) | undefined;
    const flush = vi.fn(() => new Promise<void>((resolve) => (finish = resolve)));
    const coalescer = createCoalescer(flush, 100);
    coalescer.trigger();
    await vi.advanceTimersByTimeAsync(0);
    coalescer.trigger(); // arrives while the first flush is still loading
    await vi.advanceTimersByTimeAsync(500);
    expect(flush).toHaveBeenCalledTimes(1);
    finish!();
    await vi.advanceTimersByTimeAsync(100);
    expect(flush).toHaveBeenCalledTimes(2);
  });

  it("does nothing after cancel", async () => {
    const flush = vi.fn(() => Promise.resolve());
    const coalescer = createCoalescer(flush, 100);
    coalescer.trigger();
    await vi.advanceTimersByTimeAsync(0);
    coalescer.trigger();
    coalescer.cancel();
    await vi.advanceTimersByTimeAsync(1000);
    expect(flush).toHaveBeenCalledTimes(1);
  });
});

describe("latest-value channel", () => {
  it("hands a slow reader only the newest value", async () => {
    const channel = new LatestValue<number>();
    channel.push(1);
    channel.push(2);
    channel.push(3);
    expect(await channel.next()).toBe(3);
  });

  it("wakes a waiting reader, and ends it on close", async () => {
    const channel = new LatestValue<string>();
    const waiting = channel.next();
    channel.push("stage changed");
    expect(await waiting).toBe("stage changed");
    const ended = channel.next();
    channel.close();
    expect(await ended).toBeUndefined();
    channel.push("ignored");
    expect(await channel.next()).toBeUndefined();
  });
});
