/**
 * SPEC section 2's region health rules and the automatic failover / failback decision.
 * Rules, worst first: broker unreachable → unhealthy (fail over); error rate > 5% → unhealthy
 * (fail over); p95 processing latency > 200 ms → degraded (no failover); else healthy.
 */
import { METRIC_THRESHOLDS } from "../metrics/thresholds";

/** "unknown" until a check has had enough traffic to judge (core/routing/health-check.ts). */
export const REGION_HEALTHS = ["unknown", "healthy", "degraded", "unhealthy"] as const;
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

/** Formats a measurement with at most two decimals and no trailing zeros, as health reasons name them. */
export function formatMeasure(value: number): string {
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
  const errorRate = `error rate ${formatMeasure(input.errorRatePercent)}%`;
  const latency = `p95 processing latency ${formatMeasure(input.p95ProcessingLatencyMs)} ms`;
  if (input.errorRatePercent > thresholds.errorRatePercent) {
    return { health: "unhealthy", reason: `${errorRate} > ${formatMeasure(thresholds.errorRatePercent)}%`, failover: true };
  }
  if (input.p95ProcessingLatencyMs > thresholds.p95LatencyMs) {
    return { health: "degraded", reason: `${latency} > ${formatMeasure(thresholds.p95LatencyMs)} ms`, failover: false };
  }
  return {
    health: "healthy",
    reason: `${latency} ≤ ${formatMeasure(thresholds.p95LatencyMs)} ms, ${errorRate} ≤ ${formatMeasure(thresholds.errorRatePercent)}%`,
    failover: false,
  };
}

/** How a region came to be inactive: by a health rule, or by an operator. */
export type FailoverMode = "automatic" | "manual";
