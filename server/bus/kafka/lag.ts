import type { Admin } from "kafkajs";
import type { RegionId, ReplicationLink } from "@/core/routing/regions";
import type { RegionLag } from "../event-bus";
import type { TopicNames } from "./topics";

/** A replication link and how far its copy is behind the source. */
export interface ReplicationLag extends ReplicationLink {
  messages: number;
  seconds: number;
}

/** Lag of one partition of a region's topic for the processing group. */
export interface PartitionLag {
  region: RegionId;
  partition: number;
  /** Offset the next produced message will get (messages ever produced to the partition). */
  highWatermark: number;
  /** Offset the group will consume next. */
  committed: number;
  messages: number;
  /** Age of the oldest unconsumed event, 0 when caught up. */
  seconds: number;
}

export interface WatermarkSample {
  at: number;
  high: number;
}

/** How far back lag ages can be read; an older backlog shows as at least this old. */
export const WATERMARK_HISTORY_MS = 15 * 60_000;

/** Seconds since the watermark first passed `offset` (the event at `offset` was produced then, or later). */
export function ageOfOffset(history: readonly WatermarkSample[], offset: number, now: number): number {
  const first = history.find((sample) => sample.high > offset) ?? history[history.length - 1];
  return first ? Math.round((now - first.at) / 100) / 10 : 0;
}

/** Appends a sample to a partition's history and drops what is older than WATERMARK_HISTORY_MS. */
export function recordWatermark(history: WatermarkSample[], at: number, high: number): WatermarkSample[] {
  history.push({ at, high });
  while (history.length > 0 && history[0]!.at < at - WATERMARK_HISTORY_MS) history.shift();
  return history;
}

/** A region's lag as the bus reports it: messages summed over its partitions, the oldest age among them. */
export function regionLagOf(partitions: readonly PartitionLag[]): RegionLag {
  let messages = 0;
  let seconds = 0;
  for (const p of partitions) {
    messages += p.messages;
    seconds = Math.max(seconds, p.seconds);
  }
  return {
    messages,
    seconds,
    partitions: partitions.map(({ partition, messages: m, seconds: s }) => ({ partition, messages: m, seconds: s })),
  };
}

export interface LagSamplerOptions {
  admin: Admin;
  topics: TopicNames;
  /** The processing group, whose lag the dashboard shows (null until the bus subscribes it). */
  eventsGroupId: () => string | null;
}

/**
 * Samples every partition's high watermark and the group's committed offset. The oldest
 * unconsumed event's age is read off the watermark history: it is how long ago the watermark
 * first passed the committed offset, the same answer in every process.
 */
export class LagSampler {
  private lagByRegion = new Map<RegionId, PartitionLag[]>();
  /** Mirror group id → its link; and each link's last sampled lag, by group id. */
  private readonly mirrorGroups = new Map<string, ReplicationLink>();
  private readonly mirrorLag = new Map<string, ReplicationLag>();
  /** Per `region/partition`: high watermarks over the last minutes, oldest first, for lag ages. */
  private readonly watermarks = new Map<string, WatermarkSample[]>();

  constructor(private readonly options: LagSamplerOptions) {}

  /** From the next sample on, the lag of the mirror group `groupId` (its full id) copying `link` is read too. */
  watchMirror(groupId: string, link: ReplicationLink): void {
    this.mirrorGroups.set(groupId, link);
  }

  /** Reads the broker once; throws when it cannot, keeping the last sample. */
  async sample(): Promise<void> {
    const { admin, topics } = this.options;
    const now = Date.now();
    const next = new Map<RegionId, PartitionLag[]>();
    const groupId = this.options.eventsGroupId();
    for (const [topic, region] of topics.regionByEvents) {
      const high = await admin.fetchTopicOffsets(topic);
      const committed = groupId ? await admin.fetchOffsets({ groupId, topics: [topic] }) : [];
      const committedByPartition = new Map((committed[0]?.partitions ?? []).map((p) => [p.partition, Number(p.offset)]));
      const partitions: PartitionLag[] = [];
      for (const p of high) {
        const highWatermark = Number(p.high);
        // -1 means the group never committed this partition: it starts from the beginning.
        const position = Math.max(committedByPartition.get(p.partition) ?? 0, Number(p.low), 0);
        const messages = Math.max(0, highWatermark - position);
        const key = `${region}/${p.partition}`;
        const history = recordWatermark(this.watermarks.get(key) ?? [], now, highWatermark);
        this.watermarks.set(key, history);
        partitions.push({
          region,
          partition: p.partition,
          highWatermark,
          committed: position,
          messages,
          seconds: messages > 0 ? ageOfOffset(history, position, now) : 0,
        });
      }
      next.set(
        region,
        partitions.sort((a, b) => a.partition - b.partition),
      );
    }
    this.lagByRegion = next;
    for (const [mirrorGroupId, link] of this.mirrorGroups) {
      const topic = topics.eventsByRegion.get(link.from)!;
      const committed = await admin.fetchOffsets({ groupId: mirrorGroupId, topics: [topic] });
      const committedByPartition = new Map((committed[0]?.partitions ?? []).map((p) => [p.partition, Number(p.offset)]));
      let messages = 0;
      let seconds = 0;
      for (const p of next.get(link.from) ?? []) {
        const position = Math.max(committedByPartition.get(p.partition) ?? 0, 0);
        const behind = Math.max(0, p.highWatermark - position);
        messages += behind;
        if (behind > 0) seconds = Math.max(seconds, ageOfOffset(this.watermarks.get(`${link.from}/${p.partition}`) ?? [], position, now));
      }
      this.mirrorLag.set(mirrorGroupId, { ...link, messages, seconds });
    }
  }

  lag(region: RegionId): RegionLag {
    return regionLagOf(this.lagByRegion.get(region) ?? []);
  }

  /** Messages behind on every events partition together. */
  totalMessages(): number {
    let lag = 0;
    for (const partitions of this.lagByRegion.values()) for (const p of partitions) lag += p.messages;
    return lag;
  }

  replicationLag(): ReplicationLag[] {
    return [...this.mirrorLag.values()];
  }
}
