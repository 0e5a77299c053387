import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import type { RollupRecord } from "@/core/metrics/history";
import { BatchWriter, type BatchWriterOptions } from "./batch-writer";

const BUCKET = 1_764_000_000_000;

function rollup(n: number): RollupRecord {
  return {
    region: "pune",
    bucketStart: BUCKET + n * 10_000,
    seconds: 10,
    events: n,
    errors: 0,
    qualityChanges: 0,
    bufferHealthSum: 6 * n,
    viewers: 100,
    utilizationPercent: 0,
    p50Ms: 1,
    p95Ms: 2,
    p99Ms: 3,
    coveredFrom: BUCKET + n * 10_000,
    coveredTo: BUCKET + n * 10_000 + 10_000,
    lagMessages: 0,
    lagSeconds: 0,
    quality: { "360p": 0, "480p": 0, "720p": n, "1080p": 0, "4K": 0 },
  };
}

function rollups(from: number, count: number): RollupRecord[] {
  return Array.from({ length: count }, (_, i) => rollup(from + i));
}

/** The `events` field of each record, which the helpers above use as its sequence number. */
const seqs = (records: readonly RollupRecord[]) => records.map((r) => r.events);

/** A save function whose outcome the test switches, recording every call and what it wrote. */
function fakeStore() {
  const calls: RollupRecord[][] = [];
  const written: RollupRecord[] = [];
  let failWith: Error | null = null;
  const save = vi.fn(async (records: readonly RollupRecord[]) => {
    calls.push([...records]);
    if (failWith) throw failWith;
    written.push(...records);
  });
  return {
    save,
    calls,
    written,
    fail(error: Error | null) {
      failWith = error;
    },
  };
}

const writers: BatchWriter<RollupRecord>[] = [];
type WriterOptions = BatchWriterOptions<RollupRecord>;

function createWriter(options: Partial<WriterOptions> & Pick<WriterOptions, "save">) {
  const writer = new BatchWriter<RollupRecord>({ label: "history", noun: "rollup", bufferLimit: 10_000, retryMs: 2000, ...options });
  writers.push(writer);
  return writer;
}

beforeEach(() => {
  vi.useFakeTimers();
});

afterEach(async () => {
  await Promise.all(writers.splice(0).map((w) => w.close()));
  vi.useRealTimers();
});

describe("BatchWriter", () => {
  it("settles once the records enqueued before it are written, while new ones keep arriving", async () => {
    let release: () => void = () => {};
    const written: number[] = [];
    const writer = createWriter({
      save: async (records) => {
        await new Promise<void>((resolve) => (release = resolve));
        written.push(...seqs(records));
      },
    });
    writer.enqueue(rollups(1, 2));
    const settled = writer.settle();
    let isSettled = false;
    void settled.then(() => (isSettled = true));
    writer.enqueue(rollups(3, 2));
    release();
    await settled;
    expect([isSettled, written]).toEqual([true, [1, 2]]);
    // The later records are still being written: a flush would have waited for them too.
    expect(writer.state().buffered).toBe(0);
    release();
    await writer.flush();
    expect(written).toEqual([1, 2, 3, 4]);
  });

  it("settles at once with nothing pending, and when the write of its records fails", async () => {
    const store = fakeStore();
    const writer = createWriter({ save: store.save });
    await writer.settle();
    store.fail(new Error("connection refused"));
    writer.enqueue(rollups(1, 1));
    await writer.settle();
    expect(writer.state()).toMatchObject({ failing: true, buffered: 1 });
  });

  it("writes enqueued rollups through save and reports them written", async () => {
    const store = fakeStore();
    const writer = createWriter({ save: store.save });

    writer.enqueue(rollups(1, 3));
    await writer.flush();

    expect(store.calls.map(seqs)).toEqual([[1, 2, 3]]);
    expect(store.written).toEqual(rollups(1, 3));
    expect(writer.health()).toEqual({ status: "up", detail: "3 rollup(s) written, 0 pending" });
  });

  it("writes in batches of at most 500, in order", async () => {
    const store = fakeStore();
    const writer = createWriter({ save: store.save });

    writer.enqueue(rollups(1, 1201));
    await writer.flush();

    expect(store.calls.map((c) => c.length)).toEqual([500, 500, 201]);
    expect(seqs(store.written)).toEqual(seqs(rollups(1, 1201)));
    expect(writer.health()).toEqual({ status: "up", detail: "1201 rollup(s) written, 0 pending" });
  });

  it("writes rollups enqueued while a write is in flight after it, in one later batch", async () => {
    let release!: () => void;
    const calls: number[][] = [];
    const save = vi.fn(async (records: readonly RollupRecord[]) => {
      calls.push(seqs(records));
      if (calls.length === 1) await new Promise<void>((resolve) => (release = resolve));
    });
    const writer = createWriter({ save });

    writer.enqueue(rollups(1, 2));
    writer.enqueue(rollups(3, 1));
    writer.enqueue(rollups(4, 2));
    expect(writer.health()).toEqual({ status: "up", detail: "0 rollup(s) written, 3 pending" });
    release();
    await writer.flush();

    expect(calls).toEqual([
      [1, 2],
      [3, 4, 5],
    ]);
    expect(writer.health()).toEqual({ status: "up", detail: "5 rollup(s) written, 0 pending" });
  });

  it("keeps rollups buffered while save fails, reports down with the error and count, and writes them once, in order, after recovery", async () => {
    const store = fakeStore();
    const log = vi.fn();
    const writer = createWriter({ save: store.save, retryMs: 2000, log });

    store.fail(new Error("connection refused"));
    writer.enqueue(rollups(1, 2));
    await writer.flush();
    expect(writer.health()).toEqual({ status: "down", detail: "history writes failing: connection refused; 2 rollup(s) buffered" });

    writer.enqueue(rollups(3, 1));
    await writer.flush();
    expect(writer.health()).toEqual({ status: "down", detail: "history writes failing: connection refused; 3 rollup(s) buffered" });
    expect(writer.state()).toEqual({ failing: true, error: "connection refused", buffered: 3, limit: 10_000, dropped: 0 });
    expect(store.written).toEqual([]);

    store.fail(new Error("too many clients"));
    await vi.advanceTimersByTimeAsync(2000);
    expect(writer.health()).toEqual({ status: "down", detail: "history writes failing: too many clients; 3 rollup(s) buffered" });

    store.fail(null);
    const callsBeforeRecovery = store.calls.length;
    await vi.advanceTimersByTimeAsync(1999);
    expect(store.calls.length).toBe(callsBeforeRecovery);
    await vi.advanceTimersByTimeAsync(1);
    await writer.flush();

    expect(seqs(store.written)).toEqual([1, 2, 3]);
    expect(writer.health()).toEqual({ status: "up", detail: "3 rollup(s) written, 0 pending" });
    // Each failed attempt offered the same records again, oldest first.
    expect(store.calls.map(seqs)).toEqual([
      [1, 2],
      [1, 2, 3],
      [1, 2, 3],
      [1, 2, 3],
    ]);
    expect(log.mock.calls).toEqual([
      ["[history] write failed, buffering and retrying: connection refused"],
      ["[history] writes recovered"],
    ]);

    // Nothing is written twice after recovery.
    await vi.advanceTimersByTimeAsync(10_000);
    expect(seqs(store.written)).toEqual([1, 2, 3]);
  });

  it("retries on its own, without a new enqueue, every retryMs until save succeeds", async () => {
    const store = fakeStore();
    const writer = createWriter({ save: store.save, retryMs: 500 });

    store.fail(new Error("down"));
    writer.enqueue(rollups(1, 1));
    await writer.flush();
    expect(store.calls.length).toBe(1);

    await vi.advanceTimersByTimeAsync(500);
    expect(store.calls.length).toBe(2);
    await vi.advanceTimersByTimeAsync(500);
    expect(store.calls.length).toBe(3);

    store.fail(null);
    await vi.advanceTimersByTimeAsync(500);
    expect(store.calls.length).toBe(4);
    expect(seqs(store.written)).toEqual([1]);

    await vi.advanceTimersByTimeAsync(5000);
    expect(store.calls.length).toBe(4);
  });

  // An enqueue can land in the microtask gap between a write finishing and `writing` being cleared.
  it("writes rollups enqueued at any moment as a write finishes", async () => {
    for (let depth = 0; depth < 6; depth++) {
      let release!: () => void;
      const calls: number[][] = [];
      const save = vi.fn(async (records: readonly RollupRecord[]) => {
        calls.push(seqs(records));
        if (calls.length === 1) await new Promise<void>((resolve) => (release = resolve));
      });
      const writer = createWriter({ save });
      writer.enqueue(rollups(1, 1));

      release();
      let chain = Promise.resolve();
      for (let i = 0; i < depth; i++) chain = chain.then(() => {});
      await chain.then(() => writer.enqueue(rollups(2, 1)));
      await vi.advanceTimersByTimeAsync(60_000);

      expect({ depth, calls }).toEqual({ depth, calls: [[1], [2]] });
    }
  });

  it("drops the oldest rollups beyond bufferLimit and keeps the newest", async () => {
    const store = fakeStore();
    const log = vi.fn();
    const writer = createWriter({ save: store.save, bufferLimit: 5, retryMs: 1000, log });

    store.fail(new Error("down"));
    writer.enqueue(rollups(1, 3));
    await writer.flush();
    writer.enqueue(rollups(4, 4));
    await writer.flush();
    expect(writer.health()).toEqual({ status: "down", detail: "history writes failing: down; 5 rollup(s) buffered" });

    store.fail(null);
    await vi.advanceTimersByTimeAsync(1000);
    await writer.flush();

    expect(seqs(store.written)).toEqual([3, 4, 5, 6, 7]);
    expect(log.mock.calls.map((c) => c[0])).toContain("[history] buffer full: dropped the 2 oldest rollup(s) (2 in all)");
  });

  it("keeps the newest when one enqueue alone exceeds bufferLimit", async () => {
    const store = fakeStore();
    const writer = createWriter({ save: store.save, bufferLimit: 3 });

    writer.enqueue(rollups(1, 5));
    await writer.flush();

    expect(seqs(store.written)).toEqual([3, 4, 5]);
  });

  it("drops the oldest when a batch that was in flight fails and comes back over the limit", async () => {
    let fail = true;
    let release!: () => void;
    const written: RollupRecord[] = [];
    const save = vi.fn(async (records: readonly RollupRecord[]) => {
      if (save.mock.calls.length === 1) await new Promise<void>((resolve) => (release = resolve));
      if (fail) throw new Error("down");
      written.push(...records);
    });
    const writer = createWriter({ save, bufferLimit: 4, retryMs: 1000 });

    writer.enqueue(rollups(1, 3)); // taken out and in flight
    writer.enqueue(rollups(4, 3)); // pending beside it: 3 ≤ 4, nothing dropped yet
    release();
    await writer.flush();
    expect(writer.health()).toEqual({ status: "down", detail: "history writes failing: down; 4 rollup(s) buffered" });

    fail = false;
    await vi.advanceTimersByTimeAsync(1000);
    await writer.flush();
    expect(seqs(written)).toEqual([3, 4, 5, 6]);
  });

  it("close() makes a last attempt at what is buffered, stops retrying, and is safe to call twice", async () => {
    const store = fakeStore();
    const writer = createWriter({ save: store.save, retryMs: 1000 });

    store.fail(new Error("down"));
    writer.enqueue(rollups(1, 2));
    await writer.flush();
    expect(store.calls.length).toBe(1);

    store.fail(null);
    await writer.close();
    expect(store.calls.length).toBe(2);
    expect(seqs(store.written)).toEqual([1, 2]);
    expect(writer.health()).toEqual({ status: "up", detail: "2 rollup(s) written, 0 pending" });

    await expect(writer.close()).resolves.toBeUndefined();
    expect(store.calls.length).toBe(2);
    await vi.advanceTimersByTimeAsync(10_000);
    expect(store.calls.length).toBe(2);
  });

  it("close() whose last attempt fails resolves, keeps the records counted as buffered, and schedules no retry", async () => {
    const store = fakeStore();
    const writer = createWriter({ save: store.save, retryMs: 1000 });

    store.fail(new Error("down"));
    writer.enqueue(rollups(1, 2));
    await writer.flush();
    await expect(writer.close()).resolves.toBeUndefined();
    expect(store.calls.length).toBe(2);
    expect(writer.health()).toEqual({ status: "down", detail: "history writes failing: down; 2 rollup(s) buffered" });

    store.fail(null);
    await vi.advanceTimersByTimeAsync(10_000);
    expect(store.calls.length).toBe(2);
    expect(store.written).toEqual([]);
  });

  it("close() waits for a write in flight, and then writes what was enqueued behind it", async () => {
    let release!: () => void;
    const calls: number[][] = [];
    const save = vi.fn(async (records: readonly RollupRecord[]) => {
      calls.push(seqs(records));
      if (calls.length === 1) await new Promise<void>((resolve) => (release = resolve));
    });
    const writer = createWriter({ save });

    writer.enqueue(rollups(1, 1));
    writer.enqueue(rollups(2, 1));
    let closed = false;
    const closing = writer.close().then(() => (closed = true));
    await vi.advanceTimersByTimeAsync(0);
    expect(closed).toBe(false);

    release();
    await closing;
    expect(calls).toEqual([[1], [2]]);
    expect(writer.health()).toEqual({ status: "up", detail: "2 rollup(s) written, 0 pending" });
  });

  it("does not write rollups enqueued after close()", async () => {
    const store = fakeStore();
    const writer = createWriter({ save: store.save });
    await writer.close();

    writer.enqueue(rollups(1, 1));
    await vi.advanceTimersByTimeAsync(10_000);

    expect(store.calls).toEqual([]);
    expect(writer.health()).toEqual({ status: "up", detail: "0 rollup(s) written, 1 pending" });
  });
});
