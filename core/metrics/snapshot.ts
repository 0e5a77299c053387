import { z } from "zod";
import { alertViewSchema } from "../alerts/alert-rules";
import { CIRCUIT_STATES } from "../routing/circuit-breaker";
import { EVENT_TYPES, NETWORK_TYPES, QUALITIES } from "../events/events";
import { FAILURE_SEVERITIES } from "../dlq/failures";
import { runningDrillSchema } from "../drills/drill-api";
import { HEALTH_BANDS } from "./health-score";
import { BUFFER_ACTIONS, QUALITY_CHANGE_REASONS } from "../experience/quality-ladder";
import { REGION_HEALTHS } from "../routing/region-health";
import { REGION_IDS } from "../routing/regions";
import { METRIC_THRESHOLDS, isBeyondThreshold } from "./thresholds";

/** idle: nothing seen; ok; warning: a warning threshold crossed; critical: a critical one. */
export const REGION_STATUSES = ["idle", "ok", "warning", "critical"] as const;
export type RegionStatus = (typeof REGION_STATUSES)[number];

const latencySchema = z.object({ p50: z.number(), p95: z.number(), p99: z.number() });

/** Events published and not yet consumed, and the age of the oldest of them (0 s when caught up). */
const lagSchema = z.object({ messages: z.number(), seconds: z.number() });
export type Lag = z.infer<typeof lagSchema>;
const countsOf = <K extends string>(keys: readonly [K, ...K[]]) => z.record(z.enum(keys), z.number());

// The wire contract of snapshots and history: the server builds these, the board validates them.
export const regionSnapshotSchema = z.object({
  id: z.enum(REGION_IDS),
  name: z.string(),
  /** False while failed over: routing sends its load elsewhere. */
  active: z.boolean(),
  circuit: z.enum(CIRCUIT_STATES),
  /** The last health check's verdict (SPEC section 2) and why. */
  health: z.enum(REGION_HEALTHS),
  healthReason: z.string(),
  /** Events per second routed here from a region that could not take them, and away from here. */
  spilloverIn: z.number(),
  spilloverOut: z.number(),
  /** The players' error events among the events spilled in this second, percent; 0 when none spilled in. */
  spilledInErrorRatePercent: z.number(),
  status: z.enum(REGION_STATUSES),
  /** The first threshold that set the status, for a person to read; null when ok or idle. */
  statusReason: z.string().nullable(),
  capacity: z.number(),
  viewers: z.number(),
  eventsPerSecond: z.number(),
  latencyMs: latencySchema,
  errorRatePercent: z.number(),
  utilizationPercent: z.number(),
  avgBufferHealth: z.number(),
  qualityChangesPerSecond: z.number(),
  /** Quality changes decided in this region since start, by reason. */
  qualityDecisions: countsOf(QUALITY_CHANGE_REASONS),
  /** Events processed in this region since start. */
  processed: z.number(),
  /** Processing failures since start by severity (SPEC section 4), and events that took the alternative path. */
  failures: countsOf(FAILURE_SEVERITIES),
  /** Processing failures of any severity per second over the last window (drills included; not the error rate). */
  failuresPerSecond: z.number(),
  alternativePath: z.number(),
  /** Where every event routed here is: routed = processed + queued + inRetry + deadLettered + duplicates. */
  flow: z.object({
    routed: z.number(),
    processed: z.number(),
    queued: z.number(),
    inRetry: z.number(),
    deadLettered: z.number(),
    duplicates: z.number(),
    balanced: z.boolean(),
  }),
  /** Configured latency to the nearest other active region, where its load would go (measured where a transport gives it). */
  interRegionLatencyMs: z.number(),
  /** The processing group's lag on this region's topic, in total and per partition. */
  lag: lagSchema.extend({ partitions: z.array(lagSchema.extend({ partition: z.number() })) }),
});

export const snapshotSchema = z.object({
  at: z.number(),
  /** SPEC section 5's system health score and band, and the memory and CPU of the process the workers run in. */
  system: z.object({
    healthScore: z.number(),
    healthBand: z.enum(HEALTH_BANDS),
    /** What takes the score below 100, largest first. */
    healthDeductions: z.array(z.object({ points: z.number(), reason: z.string() })),
    process: z.object({ rssMb: z.number(), heapUsedMb: z.number(), cpuPercent: z.number(), memoryPercent: z.number() }),
    /** History writes: while the database is away rollups wait in a bounded buffer (oldest dropped beyond it). */
    history: z.object({ failing: z.boolean(), error: z.string().nullable(), buffered: z.number(), limit: z.number(), dropped: z.number() }),
  }),
  /** Length of the window rates are measured over, in ms. */
  windowMs: z.number(),
  /** Length of the window the distributions below are summed over, in ms. */
  distributionWindowMs: z.number(),
  regions: z.array(regionSnapshotSchema),
  overall: z.object({
    latencyMs: latencySchema,
    errorRatePercent: z.number(),
    avgBufferHealth: z.number(),
    qualityChangesPerSecond: z.number(),
  }),
  quality: countsOf(QUALITIES),
  network: countsOf(NETWORK_TYPES),
  eventTypes: countsOf(EVENT_TYPES),
  bufferActions: countsOf(BUFFER_ACTIONS),
  totals: z.object({
    viewers: z.number(),
    eventsPerSecond: z.number(),
    accepted: z.number(),
    rejected: z.number(),
    /** Accepted events not processed again because their event_id was already processed. */
    duplicates: z.number(),
    processed: z.number(),
  }),
  /**
   * Nothing lost: ingested = processed + queued + inRetry + deadLettered + duplicates + rejected, each
   * measured apart. A replayed dead letter is ingested again (and stays counted as dead-lettered once).
   */
  conservation: z.object({
    ingested: z.number(),
    replayed: z.number(),
    rejected: z.number(),
    processed: z.number(),
    queued: z.number(),
    inRetry: z.number(),
    deadLettered: z.number(),
    duplicates: z.number(),
    balanced: z.boolean(),
  }),
  /** Rejected events since start by reason, most frequent first, ties by reason (at most 10). */
  rejections: z.array(z.object({ reason: z.string(), count: z.number() })),
  /** Alerts not resolved (firing or acknowledged), newest first. */
  alerts: z.array(alertViewSchema),
  /** Drills running now, oldest first: the board's banner and drills panel follow them live. */
  drills: z.array(runningDrillSchema),
  /** Cross-region replication links (with Kafka) and how far each copy is behind its source. */
  replication: z.array(lagSchema.extend({ from: z.enum(REGION_IDS), to: z.enum(REGION_IDS), kind: z.enum(["chain", "backup"]) })),
});

/** A stored rollup of one region (or "all") over one history bucket. */
export const historyRollupSchema = z.object({
  region: z.union([z.enum(REGION_IDS), z.literal("all")]),
  bucketStart: z.number(),
  seconds: z.number(),
  events: z.number(),
  errors: z.number(),
  viewers: z.number(),
  eventsPerSecond: z.number(),
  latencyMs: latencySchema,
  errorRatePercent: z.number(),
  utilizationPercent: z.number(),
  avgBufferHealth: z.number(),
  qualityChanges: z.number(),
  lag: lagSchema,
  /** Events by quality rung in the bucket (zeros in buckets stored before the mix was kept). */
  quality: countsOf(QUALITIES),
});

export const historyResponseSchema = z.object({
  from: z.number(),
  to: z.number(),
  /** The length of each answered bucket: the stored one, or coarser for long ranges (core/metrics/history.ts). */
  stepSeconds: z.number(),
  rollups: z.array(historyRollupSchema),
});

export type RegionSnapshot = z.infer<typeof regionSnapshotSchema>;
export type Snapshot = z.infer<typeof snapshotSchema>;
export type HistoryRollup = z.infer<typeof historyRollupSchema>;
export type HistoryResponse = z.infer<typeof historyResponseSchema>;

export interface RegionStatusInput {
  events: number;
  viewers: number;
  latencyP95Ms: number;
  errorRatePercent: number;
  utilizationPercent: number;
}

/**
 * A region is idle with no events and no viewers; critical when error rate > 5%, p95 > 500 ms or
 * utilisation > 85%; warning when error rate > 2%, p95 > 200 ms or utilisation > 80%; else ok.
 */
export function classifyRegionStatus(input: RegionStatusInput): { status: RegionStatus; reason: string | null } {
  if (input.events === 0 && input.viewers === 0) return { status: "idle", reason: null };
  const { error_rate_percent: errors, processing_latency_ms: latency, utilization_percent: utilisation } = METRIC_THRESHOLDS;
  for (const level of ["critical", "warning"] as const) {
    if (isBeyondThreshold(input.errorRatePercent, errors[level], errors.direction)) {
      return { status: level, reason: `error rate ${input.errorRatePercent}% > ${errors[level]}%` };
    }
    if (isBeyondThreshold(input.latencyP95Ms, latency[level], latency.direction)) {
      return { status: level, reason: `p95 latency ${input.latencyP95Ms} ms > ${latency[level]} ms` };
    }
    if (isBeyondThreshold(input.utilizationPercent, utilisation[level], utilisation.direction)) {
      return { status: level, reason: `utilisation ${input.utilizationPercent}% > ${utilisation[level]}%` };
    }
  }
  return { status: "ok", reason: null };
}

/** A region with nothing measured yet: idle, active, circuit closed, every count zero, the reasons as given. */
export function createIdleRegionSnapshot(
  region: { id: RegionSnapshot["id"]; name: string; capacity: number },
  reasons: { status: string | null; health: string },
): RegionSnapshot {
  return {
    id: region.id,
    name: region.name,
    active: true,
    circuit: "closed",
    health: "unknown",
    healthReason: reasons.health,
    spilloverIn: 0,
    spilloverOut: 0,
    spilledInErrorRatePercent: 0,
    status: "idle",
    statusReason: reasons.status,
    capacity: region.capacity,
    viewers: 0,
    eventsPerSecond: 0,
    latencyMs: { p50: 0, p95: 0, p99: 0 },
    errorRatePercent: 0,
    utilizationPercent: 0,
    avgBufferHealth: 0,
    qualityChangesPerSecond: 0,
    qualityDecisions: { buffer_health: 0, bandwidth_insufficient: 0, bandwidth_headroom: 0 },
    processed: 0,
    failures: { CATASTROPHIC: 0, PERSISTENT: 0, TRANSIENT: 0 },
    failuresPerSecond: 0,
    alternativePath: 0,
    flow: { routed: 0, processed: 0, queued: 0, inRetry: 0, deadLettered: 0, duplicates: 0, balanced: true },
    interRegionLatencyMs: 0,
    lag: { messages: 0, seconds: 0, partitions: [] },
  };
}
