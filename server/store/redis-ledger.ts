import type { Redis } from "ioredis";
import { AppError } from "../errors";

/** Counter name → how much it changed; names are flat (`failures.transient`). */
export type CounterDelta = Record<string, number>;

const NEXT_FIELD = "next";

// Applies a batch's counters only if the partition's position is where this worker believes it is,
// so a batch is counted once even when a crashed or deposed owner's consumer tries again.
const SETTLE_SCRIPT = `
local next = tonumber(redis.call('HGET', KEYS[1], 'next') or '0')
if next ~= tonumber(ARGV[1]) then return next end
redis.call('HSET', KEYS[1], 'next', ARGV[2])
for i = 3, #ARGV - 1, 2 do redis.call('HINCRBY', KEYS[1], ARGV[i], ARGV[i + 1]) end
return -1
`;

/** The settle was refused: another worker moved the partition on; re-read the position and retry. */
export class LedgerFencedError extends AppError {
  constructor(
    readonly source: string,
    readonly position: number,
  ) {
    super("conflict", `${source} was already counted up to offset ${position} by another worker`);
  }
}

/** What the ledger holds for one source: its position and the counters summed over everything before it. */
export interface LedgerEntry {
  next: number;
  counters: CounterDelta;
}

/**
 * The engine's counts per partition, in Redis, moved on together with the partition's position in
 * one script. Totals are sums of these entries, so every process reads the same books, and a
 * restarted process resumes from them instead of from its own memory.
 */
export class RedisLedger {
  private readonly positions = new Map<string, number>();

  constructor(
    private readonly redis: Redis,
    private readonly prefix: string,
  ) {
    redis.defineCommand("signalboxSettle", { numberOfKeys: 1, lua: SETTLE_SCRIPT });
  }

  /** Offset up to which `source` is counted (cached after the first read; a fence refreshes it). */
  async position(source: string): Promise<number> {
    const cached = this.positions.get(source);
    if (cached !== undefined) return cached;
    const stored = await this.redis.hget(this.key(source), NEXT_FIELD);
    const position = stored === null ? 0 : Number(stored);
    this.positions.set(source, position);
    return position;
  }

  /** Counts `delta` for offsets [from, to) of `source`; throws LedgerFencedError if `from` is not its position. */
  async settle(source: string, from: number, to: number, delta: CounterDelta): Promise<void> {
    const args: (string | number)[] = [from, to];
    for (const name in delta) if (delta[name] !== 0) args.push(name, delta[name]!);
    const redis = this.redis as Redis & { signalboxSettle(key: string, ...args: (string | number)[]): Promise<number> };
    let result: number;
    try {
      result = await redis.signalboxSettle(this.key(source), ...args);
    } catch (error) {
      // Unknown whether it applied: read the position again before the next batch.
      this.positions.delete(source);
      throw error;
    }
    if (result !== -1) {
      this.positions.delete(source);
      throw new LedgerFencedError(source, result);
    }
    this.positions.set(source, to);
  }

  /** Counts `delta` for `source` with no position (work outside a batch, such as a retry that ran later). */
  async add(source: string, delta: CounterDelta): Promise<void> {
    await this.addAll(new Map([[source, delta]]));
  }

  /** Counts several sources' deltas in one transaction. */
  async addAll(deltas: ReadonlyMap<string, CounterDelta>): Promise<void> {
    const multi = this.redis.multi();
    let any = false;
    for (const [source, delta] of deltas) {
      for (const name in delta) {
        if (delta[name] === 0) continue;
        multi.hincrby(this.key(source), name, delta[name]!);
        any = true;
      }
    }
    if (any) await multi.exec();
  }

  /** Forgets cached positions (after a rebalance hands partitions to other workers). */
  forgetPositions(): void {
    this.positions.clear();
  }

  /** Every entry of `sources`, read in one round trip; a missing one is empty at position 0. */
  async read(sources: readonly string[]): Promise<Map<string, LedgerEntry>> {
    const pipeline = this.redis.pipeline();
    for (const source of sources) pipeline.hgetall(this.key(source));
    const replies = (await pipeline.exec()) ?? [];
    const entries = new Map<string, LedgerEntry>();
    sources.forEach((source, i) => {
      const [error, hash] = replies[i] ?? [new Error("no reply from Redis"), null];
      if (error) throw error;
      const counters: CounterDelta = {};
      let next = 0;
      for (const [name, value] of Object.entries((hash ?? {}) as Record<string, string>)) {
        if (name === NEXT_FIELD) next = Number(value);
        else counters[name] = Number(value);
      }
      entries.set(source, { next, counters });
    });
    return entries;
  }

  private key(source: string): string {
    return `${this.prefix}:ledger:${source}`;
  }
}
