import { messageOf } from "../errors";
import { randomBytes } from "node:crypto";
import type { Redis } from "ioredis";
import { hashKey } from "@/core/events/event-pack";
import type { ViewerEvent } from "@/core/events/events";
import { REGION_IDS, type RegionId } from "@/core/routing/regions";
import type { ComponentHealth } from "../health";
import type { BatchOrigin, LiveStore } from "./live-store";

/** HyperLogLog buckets: a viewer window is the union of the buckets it spans. */
const VIEWER_BUCKET_MS = 5000;

/** Event ids per HMGET or HSET: a large batch goes as several commands, so no one command holds Redis up for long. */
const SIGHT_CHUNK = 5000;

export interface RedisLiveStoreOptions {
  redis: Redis;
  /** Every key of this deployment (or test) starts with it. */
  prefix: string;
  heartbeatWindowMs: number;
  idempotencyWindowMs: number;
  onError: (what: string, error: unknown) => void;
}

/** The replies of a pipeline that sent `expected` commands; the first failed command's error is thrown. */
function readReplies(results: [Error | null, unknown][] | null, expected: number): unknown[] {
  if (!results || results.length !== expected) throw new Error(`Redis answered ${results?.length ?? 0} of ${expected} commands`);
  return results.map(([error, value]) => {
    if (error) throw error;
    return value;
  });
}

/**
 * Live state in Redis, shared by every server process: concurrent viewers as HyperLogLogs in 5 s
 * buckets (about 12 KB per bucket whatever the audience), and event ids for idempotency in hash
 * buckets as long as the idempotency window, each expiring two windows after it began.
 */
export class RedisLiveStore implements LiveStore {
  readonly kind = "redis" as const;
  private viewers = new Map<RegionId, number>(REGION_IDS.map((id) => [id, 0]));
  private lastError: string | null = null;
  private writeFailures = 0;
  /** Marks this process writes without an origin start with it ("~" is never in a source's tag). */
  private readonly instance = `~${randomBytes(6).toString("base64url")}`;
  private batches = 0;
  private readonly sourceTags = new Map<string, string>();

  constructor(private readonly options: RedisLiveStoreOptions) {}

  recordSessions(region: RegionId, events: readonly ViewerEvent[], at: number): void {
    if (events.length === 0) return;
    const bucket = Math.floor(at / VIEWER_BUCKET_MS);
    const key = `${this.options.prefix}:viewers:${region}:${bucket}`;
    const sessions = new Array<string>(events.length);
    for (let i = 0; i < events.length; i++) sessions[i] = events[i]!.sessionId;
    // Fire and forget: viewer counts are a gauge; a lost write shows as a dip, and is counted.
    this.options.redis
      .multi()
      .pfadd(key, ...sessions)
      .pexpire(key, this.options.heartbeatWindowMs + 2 * VIEWER_BUCKET_MS)
      .exec()
      .catch((error: unknown) => {
        this.writeFailures++;
        this.lastError = messageOf(error);
      });
  }

  /**
   * A mark per event_id names the message it came in: the same mark again is a redelivery (new), any
   * other mark a duplicate. Plain HMGETs then HSETs, not a script (half Redis's CPU); so a resend
   * processed at the very moment as its original, on another region's partition, could count twice.
   */
  async keepFirstSightings(events: readonly ViewerEvent[], at: number, origin?: BatchOrigin): Promise<readonly ViewerEvent[]> {
    const n = events.length;
    if (n === 0) return events;
    // Buckets as long as the window: a mark is read in its own bucket and the one before, so it is
    // remembered for at least the window (at most twice it) with two lookups per event.
    const window = this.options.idempotencyWindowMs;
    const bucket = Math.floor(at / window);
    const current = this.seenKey(bucket);
    const previous = this.seenKey(bucket - 1);
    // Short marks keep the buckets small (millions of entries at 100,000 events/s). Without an
    // origin (a bus that never redelivers after a crash), every mark is new, so every earlier sighting is a duplicate.
    const prefix = origin ? `${this.tagSource(origin.source)}:` : `${this.instance}${(this.batches++).toString(36)}:`;
    const ids = new Array<string>(n);
    const marks = new Array<string>(n);
    for (let i = 0; i < n; i++) {
      ids[i] = events[i]!.eventId;
      marks[i] = prefix + (origin ? origin.offsets[i]! : i).toString(36);
    }
    const reads = this.options.redis.pipeline();
    for (let first = 0; first < n; first += SIGHT_CHUNK) {
      const chunk = ids.slice(first, first + SIGHT_CHUNK);
      reads.hmget(current, ...chunk).hmget(previous, ...chunk);
    }
    // Replies alternate per chunk: marks in the current bucket, then in the one before.
    const replies = readReplies(await reads.exec(), 2 * Math.ceil(n / SIGHT_CHUNK)) as (string | null)[][];
    const inBatch = new Map<string, string>();
    const writes: string[] = [];
    let fresh: ViewerEvent[] | null = null;
    for (let i = 0; i < n; i++) {
      const id = ids[i]!;
      const mark = marks[i]!;
      const chunk = 2 * Math.floor(i / SIGHT_CHUNK);
      const here = replies[chunk]![i % SIGHT_CHUNK] ?? null;
      const before = replies[chunk + 1]![i % SIGHT_CHUNK] ?? null;
      let duplicate = (here !== null && here !== mark) || (before !== null && before !== mark);
      if (!duplicate) {
        const earlier = inBatch.get(id);
        if (earlier === undefined) {
          inBatch.set(id, mark);
          writes.push(id, mark);
        } else if (earlier !== mark) {
          duplicate = true;
        }
      }
      if (duplicate && fresh === null) fresh = events.slice(0, i);
      else if (!duplicate && fresh !== null) fresh.push(events[i]!);
    }
    if (writes.length > 0) {
      const write = this.options.redis.pipeline();
      for (let first = 0; first < writes.length; first += 2 * SIGHT_CHUNK)
        write.hset(current, ...writes.slice(first, first + 2 * SIGHT_CHUNK));
      write.pexpire(current, 2 * window + 10_000);
      readReplies(await write.exec(), write.length);
    }
    return fresh ?? events;
  }

  /** A short, stable tag of a ledger source (the same in every process), for marks. */
  private tagSource(source: string): string {
    let tag = this.sourceTags.get(source);
    if (tag === undefined) this.sourceTags.set(source, (tag = hashKey(source).toString(36)));
    return tag;
  }

  countViewers(): Map<RegionId, number> {
    return this.viewers;
  }

  async refresh(now: number): Promise<void> {
    const last = Math.floor(now / VIEWER_BUCKET_MS);
    const first = Math.floor((now - this.options.heartbeatWindowMs) / VIEWER_BUCKET_MS);
    const pipeline = this.options.redis.pipeline();
    for (const region of REGION_IDS) {
      const keys: string[] = [];
      for (let b = first; b <= last; b++) keys.push(`${this.options.prefix}:viewers:${region}:${b}`);
      pipeline.pfcount(...keys);
    }
    try {
      const results = (await pipeline.exec()) ?? [];
      const next = new Map<RegionId, number>();
      REGION_IDS.forEach((region, i) => {
        const [error, count] = results[i] ?? [new Error("no reply"), 0];
        if (error) throw error;
        next.set(region, Number(count));
      });
      this.viewers = next;
      this.lastError = null;
    } catch (error) {
      // Keep the last counts rather than showing an empty room while Redis is away.
      this.lastError = messageOf(error);
      this.options.onError("count viewers in Redis", error);
    }
  }

  health(): ComponentHealth {
    const status = this.options.redis.status;
    if (status !== "ready") return { status: "down", detail: `Redis ${status}${this.lastError ? `: ${this.lastError}` : ""}` };
    if (this.lastError) return { status: "down", detail: `Redis: ${this.lastError}` };
    return { status: "up", detail: `Redis, ${this.writeFailures} lost viewer write(s)` };
  }

  async close(): Promise<void> {}

  private seenKey(bucket: number): string {
    // Not the `seen` buckets of the earlier long marks: a redelivery must be told by the same kind of mark.
    return `${this.options.prefix}:sight:${bucket}`;
  }
}
