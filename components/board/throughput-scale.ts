/** One value on a time chart and the time it stands for (a live second, a history bucket). */
export interface TimedValue {
  t: number;
  value: number;
  spanMs: number;
}

/** A value axis from 0 to `top` with round `ticks`; `clipped` lists the points above `top`, each with its true value. */
export interface ValueScale {
  top: number;
  ticks: number[];
  clipped: TimedValue[];
}

/** What "typical" means when fitting: the range's 95th percentile by time. */
export const TYPICAL_QUANTILE = 0.95;
/** A point above this many times the typical value is a spike the fitted axis leaves out. */
export const SPIKE_FACTOR = 2;

const TICK_INTERVALS = 4;

/** The q-quantile of the values, each counting for the time it covers; null when none covers any time. */
export function computeQuantileByTime(values: readonly TimedValue[], q: number): number | null {
  const sorted = values.filter((v) => v.spanMs > 0).sort((a, b) => a.value - b.value);
  const total = sorted.reduce((sum, v) => sum + v.spanMs, 0);
  let covered = 0;
  for (const v of sorted) {
    covered += v.spanMs;
    if (covered >= q * total) return v.value;
  }
  return null;
}

/** Rounds up to 1, 2, 2.5 or 5 times a power of ten. */
export function roundUpToNiceStep(value: number): number {
  if (value <= 0) return 1;
  const power = 10 ** Math.floor(Math.log10(value));
  const step = [1, 2, 2.5, 5, 10].find((multiple) => multiple * power >= value * (1 - 1e-12)) ?? 10;
  return step * power;
}

function createScale(max: number): { top: number; ticks: number[] } {
  const step = roundUpToNiceStep(max / TICK_INTERVALS);
  const top = Math.max(step, Math.ceil(max / step - 1e-9) * step);
  const ticks: number[] = [];
  for (let tick = 0; tick <= top + step / 2; tick += step) ticks.push(tick);
  return { top, ticks };
}

/**
 * The value axis for the throughput chart. Unfitted, it reaches the highest point. Fitted, it reaches
 * the highest point within SPIKE_FACTOR × the range's p95 (by time), so a few seconds of a
 * 105,000 events/s start-up burst no longer flatten a 1.5× surge; the points above are `clipped`.
 * A surge that lasts (5% of the range or more) moves the p95 and stays on the axis.
 */
export function fitValueScale(values: readonly TimedValue[], fit: boolean): ValueScale | null {
  const max = values.reduce((highest, v) => Math.max(highest, v.value), 0);
  if (max <= 0) return null;
  const typical = fit ? computeQuantileByTime(values, TYPICAL_QUANTILE) : null;
  const limit = typical === null ? max : SPIKE_FACTOR * typical;
  const fitted = values.reduce((highest, v) => (v.value <= limit ? Math.max(highest, v.value) : highest), 0);
  const { top, ticks } = createScale(fitted > 0 ? fitted : max);
  return { top, ticks, clipped: values.filter((v) => v.value > top) };
}
