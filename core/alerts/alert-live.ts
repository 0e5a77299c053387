/**
 * What an open alert says now, beside what it said when it last changed: the metric's newest value
 * graded against the rule's lines, the worst value since the window that fired it, and a sparkline
 * of the rule's window.
 */
import { z } from "zod";
import { gradeAgainstThreshold, isBeyondThreshold, type MetricThreshold, type ThresholdLevel } from "../metrics/thresholds";
import type { AlertSample } from "./alert-window";

const LEVELS = ["ok", "warning", "critical"] as const satisfies readonly ThresholdLevel[];

/** Most points a sparkline has: enough for its 120 px, little on the wire every second. */
export const SPARKLINE_POINTS = 40;

/** The worst value an alert has seen and when. */
export const alertPeakSchema = z.object({ value: z.number(), at: z.number() });
export type AlertPeak = z.infer<typeof alertPeakSchema>;

export const alertLiveSchema = z.object({
  /** The snapshot this was measured in, epoch ms. */
  at: z.number(),
  /** The newest sample in the rule's window and when it was taken; null when the window holds none (no traffic). */
  value: z.number().nullable(),
  measuredAt: z.number().nullable(),
  /** `value` graded against the rule's warning and critical lines now; null when not measured. */
  level: z.enum(LEVELS).nullable(),
  /** The rule's window in equal slices, oldest first: the worst sample of each, null where none was taken. */
  sparkline: z.array(z.number().nullable()),
});
export type AlertLive = z.infer<typeof alertLiveSchema>;

/** What a rule's lines and window are, as the live view needs them. */
export type AlertLines = Pick<MetricThreshold, "warning" | "critical" | "direction"> & { windowSeconds: number };

/** Whether `a` is strictly worse than `b` in the bad direction. */
function isWorse(a: number, b: number, direction: MetricThreshold["direction"]): boolean {
  return isBeyondThreshold(a, b, direction);
}

/**
 * The worst of `peak` and every sample taken at or after `since` (the earliest on a tie, so a peak
 * keeps its time while the metric sits on it); null while there is neither.
 */
export function trackAlertPeak(
  peak: AlertPeak | null,
  samples: readonly AlertSample[],
  since: number,
  direction: MetricThreshold["direction"],
): AlertPeak | null {
  let worst = peak;
  for (const sample of samples) {
    if (sample.at < since || !Number.isFinite(sample.value)) continue;
    if (worst === null || isWorse(sample.value, worst.value, direction)) worst = { value: sample.value, at: sample.at };
  }
  return worst;
}

/**
 * The samples in (from, to] cut into `points` equal slices, oldest first: each slice's worst sample
 * (so a one-second spike survives downsampling), null for a slice without samples.
 */
export function buildSparkline(
  samples: readonly AlertSample[],
  from: number,
  to: number,
  points: number,
  direction: MetricThreshold["direction"],
): Array<number | null> {
  const slices: Array<number | null> = Array.from({ length: Math.max(0, points) }, () => null);
  if (slices.length === 0 || to <= from) return slices;
  const width = (to - from) / slices.length;
  for (const sample of samples) {
    if (sample.at <= from || sample.at > to || !Number.isFinite(sample.value)) continue;
    const index = Math.min(slices.length - 1, Math.ceil((sample.at - from) / width) - 1);
    const current = slices[index];
    if (current === null || current === undefined || isWorse(sample.value, current, direction)) slices[index] = sample.value;
  }
  return slices;
}

/** The live view of an alert's rule for one region at `now`: newest value, its grade, and the window's sparkline (one point a second at most). */
export function describeAlertLive(lines: AlertLines, samples: readonly AlertSample[], now: number): AlertLive {
  const from = now - lines.windowSeconds * 1000;
  const newest = samples.findLast((sample) => sample.at > from && sample.at <= now && Number.isFinite(sample.value)) ?? null;
  return {
    at: now,
    value: newest?.value ?? null,
    measuredAt: newest?.at ?? null,
    level: newest === null ? null : gradeAgainstThreshold(lines, newest.value),
    sparkline: buildSparkline(samples, from, now, Math.min(SPARKLINE_POINTS, lines.windowSeconds), lines.direction),
  };
}
