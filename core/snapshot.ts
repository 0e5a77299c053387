import type { Counts, LatencySummary } from "./aggregation";
import type { EventType, NetworkType, Quality } from "./events";
import type { BufferAction } from "./quality-ladder";
import type { RegionId } from "./regions";

/** idle: nothing seen; ok; warning: a warning threshold crossed; critical: a critical one. */
export type RegionStatus = "idle" | "ok" | "warning" | "critical";

/** SPEC section 5 thresholds the board colours by, plus section 2's utilisation warning and spillover. */
export const STATUS_THRESHOLDS = {
  latencyP95Ms: { warning: 200, critical: 500 },
  errorRatePercent: { warning: 2, critical: 5 },
  utilizationPercent: { warning: 80, critical: 85 },
} as const;

export interface RegionSnapshot {
  id: RegionId;
  name: string;
  status: RegionStatus;
  /** The first threshold that set the status, for a person to read; null when ok or idle. */
  statusReason: string | null;
  capacity: number;
  viewers: number;
  eventsPerSecond: number;
  latencyMs: LatencySummary;
  errorRatePercent: number;
  utilizationPercent: number;
  avgBufferHealth: number;
  qualityChangesPerSecond: number;
  /** Events processed in this region since start. */
  processed: number;
}

export interface Snapshot {
  at: number;
  /** Length of the window rates are measured over, in ms. */
  windowMs: number;
  /** Length of the window the distributions below are summed over, in ms. */
  distributionWindowMs: number;
  regions: RegionSnapshot[];
  overall: {
    latencyMs: LatencySummary;
    errorRatePercent: number;
    avgBufferHealth: number;
    qualityChangesPerSecond: number;
  };
  quality: Counts<Quality>;
  network: Counts<NetworkType>;
  eventTypes: Counts<EventType>;
  bufferActions: Counts<BufferAction>;
  totals: {
    viewers: number;
    eventsPerSecond: number;
    accepted: number;
    rejected: number;
    processed: number;
  };
  /** Rejected events since start by reason, most frequent first, ties by reason (at most 10). */
  rejections: Array<{ reason: string; count: number }>;
}

/** A stored rollup of one region (or "all") over one history bucket. */
export interface HistoryRollup {
  region: RegionId | "all";
  bucketStart: number;
  seconds: number;
  events: number;
  errors: number;
  viewers: number;
  eventsPerSecond: number;
  latencyMs: LatencySummary;
  errorRatePercent: number;
  utilizationPercent: number;
  avgBufferHealth: number;
  qualityChanges: number;
}

export interface RegionStatusInput {
  events: number;
  viewers: number;
  latencyP95Ms: number;
  errorRatePercent: number;
  utilizationPercent: number;
}

/** Viewers as a percentage of capacity, two decimals. */
export function computeUtilizationPercent(viewers: number, capacity: number): number {
  return capacity > 0 ? Math.round((viewers / capacity) * 10_000) / 100 : 0;
}

/**
 * A region is idle with no events and no viewers; critical when error rate > 5%, p95 > 500 ms or
 * utilisation > 85%; warning when error rate > 2%, p95 > 200 ms or utilisation > 80%; else ok.
 */
export function classifyRegionStatus(input: RegionStatusInput): { status: RegionStatus; reason: string | null } {
  if (input.events === 0 && input.viewers === 0) return { status: "idle", reason: null };
  const t = STATUS_THRESHOLDS;
  for (const level of ["critical", "warning"] as const) {
    if (input.errorRatePercent > t.errorRatePercent[level]) {
      return { status: level, reason: `error rate ${input.errorRatePercent}% > ${t.errorRatePercent[level]}%` };
    }
    if (input.latencyP95Ms > t.latencyP95Ms[level]) {
      return { status: level, reason: `p95 latency ${input.latencyP95Ms} ms > ${t.latencyP95Ms[level]} ms` };
    }
    if (input.utilizationPercent > t.utilizationPercent[level]) {
      return { status: level, reason: `utilisation ${input.utilizationPercent}% > ${t.utilizationPercent[level]}%` };
    }
  }
  return { status: "ok", reason: null };
}
