/**
 * SPEC section 5's windowed alert rule, with hysteresis.
 *
 * Window: the samples with `now − windowMs < at ≤ now`.
 * Fire: not firing → firing when the window holds at least `minSamples` (3) samples and at least
 * `firePercent` (80%) of them are strictly beyond `threshold` in the bad direction.
 * Clear: firing → resolved when, with at least `minSamples` samples in the window, fewer than
 * `clearPercent` (default 50%) of them are beyond `clearThreshold` (default: `threshold`; set it less
 * strict, e.g. 400 ms for a 500 ms rule, to stop flapping around the line).
 * With fewer than `minSamples` samples the state is unchanged: too little evidence to fire or to clear.
 * So too when the newest sample is older than `freshMs` (10 s): a region that stopped reporting (failed
 * over, gone quiet) must not fire, or clear, minutes later on what it measured before.
 * Percentages are compared in integers (breaching × 100 ≥ percent × total), so 4 of 5 is exactly 80%.
 */
import { isBeyondThreshold, type ThresholdDirection } from "../metrics/thresholds";

export interface AlertSample {
  /** Epoch ms. */
  at: number;
  value: number;
}

export interface AlertWindowRule {
  windowMs: number;
  threshold: number;
  direction: ThresholdDirection;
  /** Defaults to `threshold`. */
  clearThreshold?: number;
  /** Defaults to 80. */
  firePercent?: number;
  /** Defaults to 50. */
  clearPercent?: number;
  /** Defaults to 3. */
  minSamples?: number;
  /** Defaults to 10 s. */
  freshMs?: number;
}

export const DEFAULT_FIRE_PERCENT = 80;
export const DEFAULT_CLEAR_PERCENT = 50;
export const DEFAULT_MIN_SAMPLES = 3;
export const DEFAULT_FRESH_MS = 10_000;

export interface AlertWindowResult {
  firing: boolean;
  /** Samples in the window. */
  sampleCount: number;
  /** Samples beyond the threshold that applies to the current state (fire threshold, or clear threshold while firing). */
  breachCount: number;
}

/** Evaluates a rule over its window at `now`: fires at ≥ 80% of ≥ 3 samples breaching; once firing, clears when fewer than clearPercent breach clearThreshold. */
export function evaluateAlertWindow(
  samples: readonly AlertSample[],
  rule: Readonly<AlertWindowRule>,
  now: number,
  wasFiring = false,
): AlertWindowResult {
  const limit = wasFiring ? (rule.clearThreshold ?? rule.threshold) : rule.threshold;
  const start = now - rule.windowMs;
  let sampleCount = 0;
  let breachCount = 0;
  let newest = Number.NEGATIVE_INFINITY;
  for (const sample of samples) {
    if (sample.at <= start || sample.at > now) continue;
    sampleCount++;
    newest = Math.max(newest, sample.at);
    if (isBeyondThreshold(sample.value, limit, rule.direction)) breachCount++;
  }
  const stale = now - newest > (rule.freshMs ?? DEFAULT_FRESH_MS);
  if (sampleCount < (rule.minSamples ?? DEFAULT_MIN_SAMPLES) || stale) return { firing: wasFiring, sampleCount, breachCount };
  const firing = wasFiring
    ? breachCount * 100 >= (rule.clearPercent ?? DEFAULT_CLEAR_PERCENT) * sampleCount
    : breachCount * 100 >= (rule.firePercent ?? DEFAULT_FIRE_PERCENT) * sampleCount;
  return { firing, sampleCount, breachCount };
}
