import { describe, expect, it } from "vitest";
import { computeQuantileByTime, fitValueScale, roundUpToNiceStep, type TimedValue } from "./throughput-scale";

function seconds(values: readonly number[], startT = 0): TimedValue[] {
  return values.map((value, i) => ({ t: startT + (i + 1) * 1000, value, spanMs: 1000 }));
}

describe("computeQuantileByTime", () => {
  it("weights each value by the time it covers", () => {
    const values = [
      { t: 10_000, value: 5, spanMs: 10_000 },
      { t: 11_000, value: 100, spanMs: 1000 },
    ];
    expect(computeQuantileByTime(values, 0.9)).toBe(5);
    expect(computeQuantileByTime(values, 0.95)).toBe(100);
    expect(computeQuantileByTime([{ t: 1, value: 3, spanMs: 0 }], 0.5)).toBeNull();
  });
});

describe("roundUpToNiceStep", () => {
  it("rounds up to 1, 2, 2.5 or 5 times a power of ten", () => {
    expect([0.7, 1, 1.2, 2.2, 2.6, 6, 5000, 6250].map(roundUpToNiceStep)).toEqual([1, 1, 2, 2.5, 5, 10, 5000, 10_000]);
  });
});

describe("fitValueScale", () => {
  // 15 minutes: 20,000 events/s, a 90 s surge to 30,000 and a 3 s start-up burst of 1,05,000.
  const evening = seconds([
    105_000,
    105_000,
    105_000,
    ...Array<number>(700).fill(20_000),
    ...Array<number>(90).fill(30_000),
    ...Array<number>(107).fill(20_000),
  ]);

  it("leaves a short burst off the fitted axis, marked with its true values, and keeps the surge on it", () => {
    const scale = fitValueScale(evening, true);
    expect(scale).toEqual({
      top: 30_000,
      ticks: [0, 10_000, 20_000, 30_000],
      clipped: [
        { t: 1000, value: 105_000, spanMs: 1000 },
        { t: 2000, value: 105_000, spanMs: 1000 },
        { t: 3000, value: 105_000, spanMs: 1000 },
      ],
    });
  });

  it("reaches the highest point when not fitted", () => {
    expect(fitValueScale(evening, false)).toEqual({ top: 150_000, ticks: [0, 50_000, 100_000, 150_000], clipped: [] });
  });

  it("keeps a surge that lasts on the fitted axis", () => {
    // A third of the range at twice the traffic moves the p95 itself.
    const doubled = seconds([...Array<number>(600).fill(20_000), ...Array<number>(300).fill(41_000)]);
    expect(fitValueScale(doubled, true)).toEqual({ top: 60_000, ticks: [0, 20_000, 40_000, 60_000], clipped: [] });
  });

  it("has no scale without traffic", () => {
    expect(fitValueScale(seconds([0, 0]), true)).toBeNull();
    expect(fitValueScale([], true)).toBeNull();
  });
});
