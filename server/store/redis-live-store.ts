import { randomUUID } from "node:crypto";
import type { Redis } from "ioredis";
import type { ViewerEvent } from "@/core/events";
import { REGION_IDS, type RegionId } from "@/core/regions";
import type { ComponentHealth } from "../health";
import type { BatchOrigin, LiveStore } from "./live-store";

/** HyperLogLog buckets: a viewer window is the union of the buckets it spans. */
const VIEWER_BUCKET_MS = 5000;

// Per event_id: a repeat marked with the same origin (topic/partition@offset) is a redelivery of that
// very message, so it counts as new; any other earlier mark makes it a duplicate. Marks are read
// with one HMGET per bucket and written with one HSET: a few commands per batch, not per event.
const SIGHT_SCRIPT = `
local CHUNK = 1000
local n = (#ARGV - 1) / 2
local seen = {}
for k = 1, #KEYS do
  for first = 1, n, CHUNK do
    local last = math.min(n, first + CHUNK - 1)
    local ids = {}
    for i = first, last do ids[#ids + 1] = ARGV[2 * i] end
    local marks = redis.call('HMGET', KEYS[k], unpack(ids))
    for j = 1, #marks do
      local i = first + j - 1
      if marks[j] and marks[j] ~= ARGV[2 * i + 1] then seen[i] = true end
    end
  end
end
local batch = {}
local fresh = {}
local result = {}
for i = 1, n do
  local id = ARGV[2 * i]
  local tag = ARGV[2 * i + 1]
  if not seen[i] then
    local earlier = batch[id]
    if earlier == nil then
      batch[id] = tag
      fresh[#fresh + 1] = id
      fresh[#fresh + 1] = tag
    elseif earlier ~= tag then
      seen[i] = true
    end
  end
  result[i] = seen[i] and 0 or 1
end
for first = 1, #fresh, 2 * CHUNK do
  redis.call('HSET', KEYS[1], unpack(fresh, first, math.min(#fresh, first + 2 * CHUNK - 1)))
end
redis.call('PEXPIRE', KEYS[1], ARGV[1])
return result
`;

export interface RedisLiveStoreOptions {
  redis: Redis;
  /** Every key of this deployment (or test) starts with it. */
  prefix: string;
  heartbeatWindowMs: number;
  idempotencyWindowMs: number;
  onError: (what: string, error: unknown) => void;
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
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
  private readonly instance = randomUUID();

  constructor(private readonly options: RedisLiveStoreOptions) {
    options.redis.defineCommand("signalboxSight", { lua: SIGHT_SCRIPT });
  }

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

  async keepFirstSightings(events: readonly ViewerEvent[], at: number, origin?: BatchOrigin): Promise<readonly ViewerEvent[]> {
    if (events.length === 0) return events;
    // Buckets as long as the window: a mark is read in its own bucket and the next, so it is
    // remembered for at least the window (at most twice it) with two lookups per event.
    const window = this.options.idempotencyWindowMs;
    const bucket = Math.floor(at / window);
    const keys = [this.seenKey(bucket), this.seenKey(bucket - 1)];
    const args = new Array<string>(events.length * 2 + 1);
    args[0] = String(2 * window + 10_000);
    for (let i = 0; i < events.length; i++) {
      args[2 * i + 1] = events[i]!.eventId;
      // Without an origin (a bus that never redelivers after a crash), every earlier sighting is a duplicate.
      args[2 * i + 2] = origin ? `${origin.source}@${origin.offsets[i]}` : `${this.instance}:${at}:${i}`;
    }
    const redis = this.options.redis as Redis & { signalboxSight(numKeys: number, ...args: string[]): Promise<number[]> };
    const flags = await redis.signalboxSight(keys.length, ...keys, ...args);
    let fresh: ViewerEvent[] | null = null;
    for (let i = 0; i < events.length; i++) {
      if (flags[i] === 0 && fresh === null) fresh = events.slice(0, i);
      else if (flags[i] === 1 && fresh !== null) fresh.push(events[i]!);
    }
    return fresh ?? events;
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
    return `${this.options.prefix}:seen:${bucket}`;
  }
}
