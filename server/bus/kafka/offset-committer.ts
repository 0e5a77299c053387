/** The offset a group reads next on one partition. */
export interface CommitOffset {
  topic: string;
  partition: number;
  offset: string;
}

export interface OffsetCommitterOptions {
  /** Commits the offsets to the group (one request for all of them). */
  commit: (offsets: CommitOffset[]) => Promise<void>;
  intervalMs: number;
  onError: (error: unknown) => void;
}

/** How long a close waits for its last commit; a broker that is down does not hold up a shutdown. */
const CLOSE_COMMIT_TIMEOUT_MS = 2000;

const keyOf = (topic: string, partition: number) => `${topic}|${partition}`;

/**
 * Commits resolved offsets every `intervalMs` in one request: a commit per batch queued on the
 * coordinator's connection and held each fetch cycle up. What counts as done is the ledger's
 * position; a commit is only how far a restart or the next owner reads again.
 */
export class OffsetCommitter {
  private readonly pending = new Map<string, CommitOffset>();
  /** Partitions this member owns; null until the first assignment. */
  private assigned: Set<string> | null = null;
  private inFlight: Promise<void> | null = null;
  private readonly timer: ReturnType<typeof setInterval>;
  private closed = false;

  constructor(private readonly options: OffsetCommitterOptions) {
    this.timer = setInterval(() => void this.flush(), options.intervalMs);
    this.timer.unref();
  }

  /** Everything up to and including `offset` is done: the group reads `offset + 1` next (if the partition is still ours). */
  resolve(topic: string, partition: number, offset: string): void {
    const key = keyOf(topic, partition);
    if (this.assigned && !this.assigned.has(key)) return;
    this.pending.set(key, { topic, partition, offset: String(Number(offset) + 1) });
  }

  /** After a rebalance, forgets what it had not committed for partitions another member now owns. */
  retain(assignment: Readonly<Record<string, readonly number[]>>): void {
    this.assigned = new Set(Object.entries(assignment).flatMap(([topic, partitions]) => partitions.map((p) => keyOf(topic, p))));
    for (const key of this.pending.keys()) if (!this.assigned.has(key)) this.pending.delete(key);
  }

  /** Commits what is pending; a commit already under way is waited for, not repeated. */
  flush(): Promise<void> {
    if (this.inFlight) return this.inFlight;
    if (this.pending.size === 0) return Promise.resolve();
    const offsets = [...this.pending.values()];
    this.pending.clear();
    this.inFlight = this.options
      .commit(offsets)
      .catch((error: unknown) => {
        // Put back what is still ours and was not resolved further meanwhile; the next flush tries again.
        for (const entry of offsets) {
          const key = keyOf(entry.topic, entry.partition);
          if (!this.pending.has(key) && (this.assigned === null || this.assigned.has(key))) this.pending.set(key, entry);
        }
        if (!this.closed) this.options.onError(error);
      })
      .finally(() => {
        this.inFlight = null;
      });
    return this.inFlight;
  }

  /** Stops the timer and commits what is left, waiting at most a couple of seconds. Safe to call twice. */
  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    clearInterval(this.timer);
    let timeout: ReturnType<typeof setTimeout> | undefined;
    const last = (async () => {
      await this.inFlight;
      await this.flush();
    })();
    await Promise.race([last, new Promise<void>((resolve) => (timeout = setTimeout(resolve, CLOSE_COMMIT_TIMEOUT_MS)))]);
    clearTimeout(timeout);
  }
}
