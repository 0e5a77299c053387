import { describe, expect, it } from "vitest";
import { evaluateAlertWindow, type AlertSample, type AlertWindowRule } from "./alert-window";

const NOW = 1_700_000_000_000;
const RULE: AlertWindowRule = { windowMs: 120_000, threshold: 5, direction: "above" };

/** Samples 10 s apart ending at NOW: `breaching` of them at 9 (beyond 5), the rest at 1. */
function samples(total: number, breaching: number): AlertSample[] {
  return Array.from({ length: total }, (_, i) => ({ at: NOW - i * 10_000, value: i < breaching ? 9 : 1 }));
}

describe("evaluateAlertWindow: firing", () => {
  it("fires when every one of 3 samples breaches", () => {
    expect(evaluateAlertWindow(samples(3, 3), RULE, NOW)).toEqual({ firing: true, sampleCount: 3, breachCount: 3 });
  });

  it("does not fire with only 2 samples, even both breaching", () => {
    expect(evaluateAlertWindow(samples(2, 2), RULE, NOW)).toEqual({ firing: false, sampleCount: 2, breachCount: 2 });
  });

  it.each([
    [10, 7, false],
    [10, 8, true],
    [10, 9, true],
    [5, 4, true],
    [3, 2, false],
  ])("of %i samples, %i breaching → firing %s (80%% needed)", (total, breaching, firing) => {
    expect(evaluateAlertWindow(samples(total, breaching), RULE, NOW).firing).toBe(firing);
  });

  it("counts a sample exactly at the threshold as not breaching", () => {
    const atThreshold = [5, 5, 5].map((value, i) => ({ at: NOW - i, value }));
    expect(evaluateAlertWindow(atThreshold, RULE, NOW).firing).toBe(false);
  });

  it("honours direction below (throughput)", () => {
    const rule: AlertWindowRule = { windowMs: 60_000, threshold: 100_000, direction: "below" };
    const low = [90_000, 80_000, 99_999].map((value, i) => ({ at: NOW - i, value }));
    const fine = [100_000, 150_000, 100_001].map((value, i) => ({ at: NOW - i, value }));
    expect(evaluateAlertWindow(low, rule, NOW).firing).toBe(true);
    expect(evaluateAlertWindow(fine, rule, NOW).firing).toBe(false);
  });
});

describe("evaluateAlertWindow: the window", () => {
  it("includes a sample just inside the window start and at now, excludes one at the start and in the future", () => {
    const edge: AlertSample[] = [
      { at: NOW, value: 9 },
      { at: NOW - 60_000, value: 9 },
      { at: NOW - 119_999, value: 9 },
      { at: NOW - 120_000, value: 1 },
      { at: NOW + 1, value: 1 },
    ];
    expect(evaluateAlertWindow(edge, RULE, NOW)).toEqual({ firing: true, sampleCount: 3, breachCount: 3 });
  });

  it("ignores old breaches that have left the window", () => {
    const old = [...samples(3, 0), ...[0, 1, 2].map((i) => ({ at: NOW - 200_000 - i, value: 9 }))];
    expect(evaluateAlertWindow(old, RULE, NOW)).toEqual({ firing: false, sampleCount: 3, breachCount: 0 });
  });
});

describe("evaluateAlertWindow: clearing (hysteresis)", () => {
  const withClear: AlertWindowRule = { ...RULE, clearThreshold: 3 };

  it("stays firing while at least 50% of samples breach", () => {
    expect(evaluateAlertWindow(samples(10, 5), RULE, NOW, true).firing).toBe(true);
  });

  it("clears once fewer than 50% breach", () => {
    expect(evaluateAlertWindow(samples(10, 4), RULE, NOW, true).firing).toBe(false);
  });

  it("does not fire at 50% from the cleared state (the two lines differ)", () => {
    expect(evaluateAlertWindow(samples(10, 5), RULE, NOW, false).firing).toBe(false);
  });

  it("measures clearing against the clear threshold, not the fire threshold", () => {
    // 4 (between the clear threshold 3 and the fire threshold 5) still counts while firing.
    const hovering = [4, 4, 4, 1].map((value, i) => ({ at: NOW - i, value }));
    expect(evaluateAlertWindow(hovering, withClear, NOW, true)).toEqual({ firing: true, sampleCount: 4, breachCount: 3 });
    expect(evaluateAlertWindow(hovering, withClear, NOW, false)).toEqual({ firing: false, sampleCount: 4, breachCount: 0 });
    const recovered = [3, 3, 3, 4].map((value, i) => ({ at: NOW - i, value }));
    expect(evaluateAlertWindow(recovered, withClear, NOW, true).firing).toBe(false);
  });

  it("honours a configured clear percent", () => {
    const strict: AlertWindowRule = { ...RULE, clearPercent: 20 };
    expect(evaluateAlertWindow(samples(10, 2), strict, NOW, true).firing).toBe(true);
    expect(evaluateAlertWindow(samples(10, 1), strict, NOW, true).firing).toBe(false);
  });

  it("keeps its state when the window has fewer than 3 samples", () => {
    expect(evaluateAlertWindow(samples(2, 0), RULE, NOW, true).firing).toBe(true);
    expect(evaluateAlertWindow([], RULE, NOW, true).firing).toBe(true);
    expect(evaluateAlertWindow(samples(2, 2), RULE, NOW, false).firing).toBe(false);
  });
});

describe("evaluateAlertWindow: evidence must be current", () => {
  // A region that stopped reporting (failed over) 95 s ago: its old breaching samples fill the window.
  const old = Array.from({ length: 20 }, (_, i) => ({ at: NOW - 95_000 - i * 1000, value: 9 }));

  it("neither fires nor clears once the newest sample is older than 10 s", () => {
    expect(evaluateAlertWindow(old, RULE, NOW)).toEqual({ firing: false, sampleCount: 20, breachCount: 20 });
    const calmButOld = old.map((sample) => ({ ...sample, value: 1 }));
    expect(evaluateAlertWindow(calmButOld, RULE, NOW, true).firing).toBe(true);
  });

  it("judges again from a sample 10 s old, not a millisecond older", () => {
    const recent = old.map((sample) => ({ ...sample, at: sample.at + 85_000 }));
    expect(evaluateAlertWindow(recent, RULE, NOW).firing).toBe(true);
    expect(evaluateAlertWindow(recent, RULE, NOW + 1).firing).toBe(false);
  });
});
