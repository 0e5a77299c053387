import { describe, expect, it } from "vitest";
import { buildSparkline, describeAlertLive, SPARKLINE_POINTS, trackAlertPeak } from "./alert-live";
import type { AlertSample } from "./alert-window";

const T0 = 1_764_000_000_000;

/** One sample a second ending at `end`, with these values. */
function series(end: number, values: number[]): AlertSample[] {
  return values.map((value, i) => ({ at: end - (values.length - 1 - i) * 1000, value }));
}

describe("trackAlertPeak", () => {
  it("keeps the highest value since `since` for a rule that is bad above, and its first time on a tie", () => {
    const samples = series(T0, [30, 9, 12, 12, 4]);
    expect(trackAlertPeak(null, samples, T0 - 3000, "above")).toEqual({ value: 12, at: T0 - 2000 });
    expect(trackAlertPeak(null, samples, T0 - 4000, "above")).toEqual({ value: 30, at: T0 - 4000 });
  });

  it("keeps an earlier peak that the samples no longer hold, and gives way to a worse one", () => {
    const old = { value: 19.84, at: T0 - 600_000 };
    expect(trackAlertPeak(old, series(T0, [3, 5, 4]), 0, "above")).toBe(old);
    expect(trackAlertPeak(old, series(T0, [3, 25, 4]), 0, "above")).toEqual({ value: 25, at: T0 - 1000 });
  });

  it("takes the lowest value for a rule that is bad below (throughput), and stays null with nothing measured", () => {
    expect(trackAlertPeak(null, series(T0, [90_000, 40_000, 70_000]), 0, "below")).toEqual({ value: 40_000, at: T0 - 1000 });
    expect(trackAlertPeak(null, [], 0, "above")).toBeNull();
    expect(trackAlertPeak(null, [{ at: T0, value: Number.NaN }], 0, "above")).toBeNull();
  });
});

describe("buildSparkline", () => {
  it("cuts (from, to] into equal slices, keeping each slice's worst sample and null where none was taken", () => {
    // Four 2.5 s slices of a 10 s window hold the samples at −9 and −8 s, −7 to −5, −4 and −3, −2 to 0.
    const samples = series(T0, [1, 2, 3, 9, 5, 6, 2, 8, 1, 4]);
    expect(buildSparkline(samples, T0 - 10_000, T0, 4, "above")).toEqual([2, 9, 6, 8]);
    expect(buildSparkline(samples, T0 - 10_000, T0, 4, "below")).toEqual([1, 3, 2, 1]);
    expect(buildSparkline(series(T0, [7, 8]), T0 - 10_000, T0, 5, "above")).toEqual([null, null, null, null, 8]);
  });

  it("leaves out samples at or before `from` and after `to`, and answers nothing for no slices or an empty span", () => {
    const samples = [
      { at: T0 - 10_000, value: 99 },
      { at: T0 - 5000, value: 1 },
      { at: T0 + 1, value: 99 },
    ];
    expect(buildSparkline(samples, T0 - 10_000, T0, 2, "above")).toEqual([1, null]);
    expect(buildSparkline(samples, T0 - 10_000, T0, 0, "above")).toEqual([]);
    expect(buildSparkline(samples, T0, T0, 2, "above")).toEqual([null, null]);
  });
});

describe("describeAlertLive", () => {
  const lines = { warning: 2, critical: 5, direction: "above" as const, windowSeconds: 10 };

  it("grades the newest sample of the window against the rule's lines, with one sparkline point a second", () => {
    expect(describeAlertLive(lines, series(T0, [1, 3, 19.84]), T0)).toEqual({
      at: T0,
      value: 19.84,
      measuredAt: T0,
      level: "critical",
      sparkline: [null, null, null, null, null, null, null, 1, 3, 19.84],
    });
    expect(describeAlertLive(lines, series(T0, [19.84, 3]), T0).level).toBe("warning");
    expect(describeAlertLive(lines, series(T0, [19.84, 1.2]), T0).level).toBe("ok");
  });

  it("says when the newest value was measured, and nothing once the window holds no sample", () => {
    expect(describeAlertLive(lines, series(T0 - 4000, [6]), T0)).toMatchObject({ value: 6, measuredAt: T0 - 4000, level: "critical" });
    expect(describeAlertLive(lines, series(T0 - 10_000, [6]), T0)).toMatchObject({ value: null, measuredAt: null, level: null });
  });

  it("caps a long window's sparkline at SPARKLINE_POINTS slices", () => {
    const long = describeAlertLive(
      { ...lines, windowSeconds: 600 },
      series(
        T0,
        Array.from({ length: 600 }, (_, i) => i),
      ),
      T0,
    );
    expect(long.sparkline).toHaveLength(SPARKLINE_POINTS);
    // 15 s slices: the last holds samples 585 … 599.
    expect([long.sparkline[0], long.sparkline.at(-1)]).toEqual([14, 599]);
  });
});
