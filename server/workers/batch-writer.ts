import { messageOf } from "../errors";
import type { ComponentHealth } from "../health";
import { once } from "../once";

export interface BatchWriterOptions<T> {
  /** What is written, for health and logs: "history" writes "rollup"s. */
  label: string;
  noun: string;
  save: (records: readonly T[]) => Promise<void>;
  /** Most records held while the database is unreachable; beyond it the oldest are dropped and counted. */
  bufferLimit: number;
  retryMs: number;
  log?: (message: string) => void;
}

/** Batches records to the database; an outage keeps them (bounded) and writes them when it is back. */
export class BatchWriter<T> {
  private pending: T[] = [];
  private writing: Promise<void> | null = null;
  private timer: NodeJS.Timeout | null = null;
  private lastError: string | null = null;
  private dropped = 0;
  private written = 0;
  private closed = false;
  /** Records ever enqueued, and those that have left the front of the queue (written or dropped). */
  private enqueued = 0;
  private done = 0;
  private waiters: Array<{ upTo: number; resolve: () => void }> = [];

  constructor(private readonly options: BatchWriterOptions<T>) {}

  enqueue(records: readonly T[]): void {
    this.enqueued += records.length;
    this.pending.push(...records);
    this.enforceLimit();
    if (!this.closed) void this.flush();
  }

  /** Writes everything pending; resolves when done or when this attempt failed (it is retried later). */
  flush(): Promise<void> {
    this.writing ??= this.write().finally(() => {
      this.writing = null;
      // Records enqueued while the last batch was settling would otherwise wait for the next enqueue.
      if (!this.closed && this.lastError === null && this.pending.length > 0) void this.flush();
    });
    return this.writing;
  }

  /**
   * Resolves once the records enqueued so far are written, or when the attempt writing them failed.
   * Unlike flush(), records enqueued later do not hold it up: in a storm of new ones a reader would wait for the storm to end.
   */
  settle(): Promise<void> {
    if (this.done >= this.enqueued) return Promise.resolve();
    const settled = new Promise<void>((resolve) => this.waiters.push({ upTo: this.enqueued, resolve }));
    void this.flush();
    return settled;
  }

  /** Whether writes are failing now, and what waits in the buffer (for the dashboard). */
  state(): { failing: boolean; error: string | null; buffered: number; limit: number; dropped: number } {
    return {
      failing: this.lastError !== null,
      error: this.lastError,
      buffered: this.pending.length,
      limit: this.options.bufferLimit,
      dropped: this.dropped,
    };
  }

  health(): ComponentHealth {
    if (this.lastError) {
      return {
        status: "down",
        detail: `${this.options.label} writes failing: ${this.lastError}; ${this.pending.length} ${this.options.noun}(s) buffered`,
      };
    }
    return { status: "up", detail: `${this.written} ${this.options.noun}(s) written, ${this.pending.length} pending` };
  }

  /** Stops retrying and makes one last attempt to write what is pending; a second call waits for the first. */
  readonly close = once(async () => {
    this.closed = true;
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    await this.writing;
    if (this.pending.length > 0) await this.flush();
  });

  private async write(): Promise<void> {
    while (this.pending.length > 0) {
      // Taken out while in flight, so records enqueued (or dropped) meanwhile never shift under it.
      const batch = this.pending.splice(0, 500);
      try {
        await this.options.save(batch);
      } catch (error) {
        this.pending.unshift(...batch);
        this.enforceLimit();
        const message = messageOf(error);
        if (this.lastError === null) this.options.log?.(`[${this.options.label}] write failed, buffering and retrying: ${message}`);
        this.lastError = message;
        this.scheduleRetry();
        this.releaseWaiters(true);
        return;
      }
      this.written += batch.length;
      this.done += batch.length;
      this.releaseWaiters(false);
      if (this.lastError !== null) this.options.log?.(`[${this.options.label}] writes recovered`);
      this.lastError = null;
    }
  }

  private enforceLimit(): void {
    const excess = this.pending.length - this.options.bufferLimit;
    if (excess <= 0) return;
    this.pending.splice(0, excess);
    this.dropped += excess;
    this.done += excess;
    this.options.log?.(
      `[${this.options.label}] buffer full: dropped the ${excess} oldest ${this.options.noun}(s) (${this.dropped} in all)`,
    );
  }

  private releaseWaiters(all: boolean): void {
    const waiting = this.waiters;
    this.waiters = [];
    for (const waiter of waiting) {
      if (all || this.done >= waiter.upTo) waiter.resolve();
      else this.waiters.push(waiter);
    }
  }

  private scheduleRetry(): void {
    if (this.closed || this.timer) return;
    this.timer = setTimeout(() => {
      this.timer = null;
      void this.flush();
    }, this.options.retryMs);
  }
}
