import { describe, expect, it } from "vitest";
import { appendAlertSample, evaluateAlertRule, FLAP_WINDOW_MS, type AlertRuleState } from "./alert-evaluator";
import type { AlertSample } from "./alert-window";

const T0 = 1_764_000_000_000;
// Error rate, 2% warning, 5% critical, clear below 1.5%, 60 s window, escalate after 300 s.
const rule = { direction: "above" as const, warning: 2, critical: 5, clearThreshold: 1.5, windowSeconds: 60, escalateAfterSeconds: 300 };
const closed: AlertRuleState = { open: null, lastResolved: null };

/** One sample a second ending at `end`, with these values. */
function series(end: number, values: number[]): AlertSample[] {
  return values.map((value, i) => ({ at: end - (values.length - 1 - i) * 1000, value }));
}

describe("evaluateAlertRule", () => {
  it("fires a warning when 80% of at least 3 samples breach the warning threshold, and not below that", () => {
    expect(evaluateAlertRule(rule, series(T0, [3, 3, 3, 1, 3]), closed, T0)).toEqual([{ kind: "fire", severity: "warning", value: 3 }]);
    expect(evaluateAlertRule(rule, series(T0, [3, 3, 1, 1, 3]), closed, T0)).toEqual([]);
    expect(evaluateAlertRule(rule, series(T0, [9, 9]), closed, T0)).toEqual([]);
  });

  it("fires critical when the samples breach the critical threshold too, and upgrades an open warning", () => {
    expect(evaluateAlertRule(rule, series(T0, [6, 7, 8]), closed, T0)).toEqual([{ kind: "fire", severity: "critical", value: 8 }]);
    const open: AlertRuleState = {
      open: { id: "a1", severity: "warning", state: "firing", firedAt: T0 - 5000, escalatedAt: null },
      lastResolved: null,
    };
    expect(evaluateAlertRule(rule, series(T0, [6, 7, 8]), open, T0)).toEqual([
      { kind: "severity", alertId: "a1", severity: "critical", value: 8 },
    ]);
  });

  it("keeps firing between the clear and the warning threshold (hysteresis), and resolves below the clear threshold", () => {
    const open: AlertRuleState = {
      open: { id: "a1", severity: "warning", state: "acknowledged", firedAt: T0 - 5000, escalatedAt: null },
      lastResolved: null,
    };
    expect(evaluateAlertRule(rule, series(T0, [1.8, 1.9, 1.7]), open, T0)).toEqual([]);
    expect(evaluateAlertRule(rule, series(T0, [1.8, 1.2, 1.1]), open, T0)).toEqual([{ kind: "resolve", alertId: "a1", value: 1.1 }]);
  });

  it("reopens the alert that resolved within the flap window instead of firing a new one", () => {
    const flapping: AlertRuleState = { open: null, lastResolved: { id: "a1", resolvedAt: T0 - FLAP_WINDOW_MS + 1 } };
    expect(evaluateAlertRule(rule, series(T0, [3, 3, 3]), flapping, T0)).toEqual([
      { kind: "reopen", alertId: "a1", severity: "warning", value: 3 },
    ]);
    const long: AlertRuleState = { open: null, lastResolved: { id: "a1", resolvedAt: T0 - FLAP_WINDOW_MS } };
    expect(evaluateAlertRule(rule, series(T0, [3, 3, 3]), long, T0)).toEqual([{ kind: "fire", severity: "warning", value: 3 }]);
  });

  it("escalates an alert left unacknowledged for the rule's time, once, and never an acknowledged one", () => {
    const firing = { id: "a1", severity: "warning" as const, firedAt: T0 - 300_000, escalatedAt: null };
    expect(evaluateAlertRule(rule, series(T0, [3, 3, 3]), { open: { ...firing, state: "firing" }, lastResolved: null }, T0 - 1)).toEqual(
      [],
    );
    expect(evaluateAlertRule(rule, series(T0, [3, 3, 3]), { open: { ...firing, state: "firing" }, lastResolved: null }, T0)).toEqual([
      { kind: "escalate", alertId: "a1" },
    ]);
    expect(
      evaluateAlertRule(rule, series(T0, [3, 3, 3]), { open: { ...firing, state: "firing", escalatedAt: T0 - 1 }, lastResolved: null }, T0),
    ).toEqual([]);
    expect(evaluateAlertRule(rule, series(T0, [3, 3, 3]), { open: { ...firing, state: "acknowledged" }, lastResolved: null }, T0)).toEqual(
      [],
    );
    expect(
      evaluateAlertRule(
        { ...rule, escalateAfterSeconds: 0 },
        series(T0, [3, 3, 3]),
        { open: { ...firing, state: "firing" }, lastResolved: null },
        T0,
      ),
    ).toEqual([]);
  });

  it("reads a throughput rule the other way round: bad when below", () => {
    const throughput = {
      direction: "below" as const,
      warning: 100_000,
      critical: 50_000,
      clearThreshold: null,
      windowSeconds: 60,
      escalateAfterSeconds: 0,
    };
    expect(evaluateAlertRule(throughput, series(T0, [80_000, 90_000, 70_000]), closed, T0)).toEqual([
      { kind: "fire", severity: "warning", value: 70_000 },
    ]);
    expect(evaluateAlertRule(throughput, series(T0, [120_000, 130_000, 110_000]), closed, T0)).toEqual([]);
  });
});

describe("appendAlertSample", () => {
  it("keeps measured samples within the window plus a second, dropping older ones and unmeasured values", () => {
    const samples: AlertSample[] = [];
    appendAlertSample(samples, 1, T0, 10);
    appendAlertSample(samples, null, T0 + 1000, 10);
    appendAlertSample(samples, Number.NaN, T0 + 2000, 10);
    appendAlertSample(samples, 2, T0 + 10_999, 10);
    expect(samples).toEqual([
      { at: T0, value: 1 },
      { at: T0 + 10_999, value: 2 },
    ]);
    appendAlertSample(samples, 3, T0 + 11_001, 10);
    expect(samples.map((s) => s.value)).toEqual([2, 3]);
  });
});
