/**
 * SPEC section 2's region health rules and the automatic failover / failback decision.
 * Rules, worst first: broker unreachable → unhealthy (fail over); error rate > 5% → unhealthy
 * (fail over); p95 processing latency > 200 ms → degraded (no failover); else healthy.
 */
import { METRIC_THRESHOLDS } from "../metrics/thresholds";

export const REGION_HEALTHS = ["healthy", "degraded", "unhealthy"] as const;
export type RegionHealth = (typeof REGION_HEALTHS)[number];

export interface HealthThresholds {
  /** p95 processing latency strictly above this is degraded. */
  p95LatencyMs: number;
  /** Error rate strictly above this (percent) is unhealthy. */
  errorRatePercent: number;
}

/** Degraded past section 5's latency warning, unhealthy past its error-rate critical. */
export const DEFAULT_HEALTH_THRESHOLDS: Readonly<HealthThresholds> = {
  p95LatencyMs: METRIC_THRESHOLDS.processing_latency_ms.warning,
  errorRatePercent: METRIC_THRESHOLDS.error_rate_percent.critical,
};

/** One health check's measurements for a region (pass 0 for latency and error rate when it had no traffic). */
export interface RegionHealthInput {
  brokerReachable: boolean;
  p95ProcessingLatencyMs: number;
  errorRatePercent: number;
}

export interface RegionHealthAssessment {
  health: RegionHealth;
  /** Human-readable, naming the measured value and the threshold. */
  reason: string;
  /** Whether this health calls for automatic failover. */
  failover: boolean;
}

/** Formats a measurement with at most two decimals and no trailing zeros. */
function formatNumber(value: number): string {
  return String(Number(value.toFixed(2)));
}

/** Assesses a region by SPEC section 2's rules, the worst matching rule winning (unreachable, error rate, then latency). */
export function assessRegionHealth(
  input: RegionHealthInput,
  thresholds: Readonly<HealthThresholds> = DEFAULT_HEALTH_THRESHOLDS,
): RegionHealthAssessment {
  if (!input.brokerReachable) {
    return { health: "unhealthy", reason: "Kafka broker unreachable", failover: true };
  }
  const errorRate = `error rate ${formatNumber(input.errorRatePercent)}%`;
  const latency = `p95 processing latency ${formatNumber(input.p95ProcessingLatencyMs)} ms`;
  if (input.errorRatePercent > thresholds.errorRatePercent) {
    return { health: "unhealthy", reason: `${errorRate} > ${formatNumber(thresholds.errorRatePercent)}%`, failover: true };
  }
  if (input.p95ProcessingLatencyMs > thresholds.p95LatencyMs) {
    return { health: "degraded", reason: `${latency} > ${formatNumber(thresholds.p95LatencyMs)} ms`, failover: false };
  }
  return {
    health: "healthy",
    reason: `${latency} ≤ ${formatNumber(thresholds.p95LatencyMs)} ms, ${errorRate} ≤ ${formatNumber(thresholds.errorRatePercent)}%`,
    failover: false,
  };
}

/** How a region came to be inactive: by a health rule, or by an operator. */
export type FailoverMode = "automatic" | "manual";

export interface FailoverInput {
  /** Whether the region currently takes traffic. */
  active: boolean;
  /** How the current failover happened; null while active, or when inactive for a reason nobody recorded (treated as manual). */
  failedOverBy: FailoverMode | null;
  /** The latest health assessment. */
  assessment: RegionHealthAssessment;
}

export type FailoverAction = "failover" | "failback" | "none";

export interface FailoverDecision {
  action: FailoverAction;
  reason: string;
}

/**
 * Decides automatic failover / failback: an active region whose health calls for failover fails over;
 * an automatically failed-over region fails back once healthy again (degraded is not enough); a manual
 * (or unrecorded) failover is never undone automatically.
 */
export function decideFailover(input: FailoverInput): FailoverDecision {
  const { active, failedOverBy, assessment } = input;
  if (active) {
    return assessment.failover
      ? { action: "failover", reason: `${assessment.health}: ${assessment.reason}` }
      : { action: "none", reason: `active and ${assessment.health}: ${assessment.reason}` };
  }
  if (failedOverBy !== "automatic") {
    return { action: "none", reason: "failed over manually; only an operator fails it back" };
  }
  if (assessment.health === "healthy") {
    return { action: "failback", reason: `healthy again: ${assessment.reason}` };
  }
  return { action: "none", reason: `still ${assessment.health}: ${assessment.reason}` };
}
