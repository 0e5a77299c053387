/**
 * SPEC section 5's system health score: 100 − 20 per active HIGH-impact alert − 5 per other active
 * alert − 15 per unhealthy region, floored at 0. Impact is a field of the alert's rule, never found
 * by searching text (the source's bug).
 */
import type { RegionHealth } from "../routing/region-health";

export const ALERT_IMPACTS = ["HIGH", "MEDIUM", "LOW"] as const;
export type AlertImpact = (typeof ALERT_IMPACTS)[number];

export const HEALTH_BANDS = ["excellent", "good", "warning", "critical"] as const;
export type HealthBand = (typeof HEALTH_BANDS)[number];

export const HIGH_IMPACT_ALERT_PENALTY = 20;
export const OTHER_ALERT_PENALTY = 5;
export const UNHEALTHY_REGION_PENALTY = 15;

/** Scores the system: alerts are the active ones (firing or acknowledged, not resolved); only "unhealthy" regions count, not "degraded". */
export function computeHealthScore(activeAlerts: readonly { impact: AlertImpact }[], regionHealths: readonly RegionHealth[]): number {
  let score = 100;
  for (const alert of activeAlerts) score -= alert.impact === "HIGH" ? HIGH_IMPACT_ALERT_PENALTY : OTHER_ALERT_PENALTY;
  for (const health of regionHealths) if (health === "unhealthy") score -= UNHEALTHY_REGION_PENALTY;
  return Math.max(0, score);
}

/** One thing that takes the score below 100, for the board to show. */
export interface HealthDeduction {
  points: number;
  reason: string;
}

/** Lists what computeHealthScore takes off, one entry per active alert and per unhealthy region, the largest first. */
export function listHealthDeductions(
  activeAlerts: readonly { impact: AlertImpact; label: string }[],
  regions: readonly { label: string; health: RegionHealth }[],
): HealthDeduction[] {
  const deductions: HealthDeduction[] = [];
  for (const alert of activeAlerts) {
    const points = alert.impact === "HIGH" ? HIGH_IMPACT_ALERT_PENALTY : OTHER_ALERT_PENALTY;
    deductions.push({ points, reason: `${alert.label} (${alert.impact} impact alert)` });
  }
  for (const region of regions)
    if (region.health === "unhealthy") deductions.push({ points: UNHEALTHY_REGION_PENALTY, reason: `${region.label} unhealthy` });
  return deductions.sort((a, b) => b.points - a.points);
}

/** Bands a score: ≥ 90 excellent, ≥ 70 good, ≥ 50 warning, below 50 critical. */
export function classifyHealthScore(score: number): HealthBand {
  if (score >= 90) return "excellent";
  if (score >= 70) return "good";
  if (score >= 50) return "warning";
  return "critical";
}
