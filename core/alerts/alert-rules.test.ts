import { describe, expect, it } from "vitest";
import { alertRuleInputSchema, DEFAULT_ALERT_RULES, isAlertInRange, orderForAttention, type AlertView } from "./alert-rules";

const valid = {
  name: "Error rate",
  metric: "error_rate_percent",
  region: null,
  direction: "above",
  warning: 2,
  critical: 5,
  windowSeconds: 120,
  channels: ["slack"],
  impact: "HIGH",
  runbookUrl: "https://runbooks.example/error-rate",
};

function issuesOf(input: unknown): string[] {
  const result = alertRuleInputSchema.safeParse(input);
  return result.success ? [] : result.error.issues.map((issue) => `${issue.path.join(".")}: ${issue.message}`);
}

describe("alert rules", () => {
  it("seeds SPEC section 5's five rules and the cascade guard's with their windows, channels, impact and the table's thresholds", () => {
    expect(
      DEFAULT_ALERT_RULES.map((r) => [r.metric, r.windowSeconds, r.channels.join("+"), r.impact, r.warning, r.critical, r.direction]),
    ).toEqual([
      ["error_rate_percent", 120, "pagerduty+slack+sms", "HIGH", 2, 5, "above"],
      ["processing_latency_ms", 300, "slack+email", "MEDIUM", 200, 500, "above"],
      ["consumer_lag_messages", 180, "pagerduty+slack", "HIGH", 100_000, 500_000, "above"],
      ["inter_region_latency_ms", 300, "slack+email", "MEDIUM", 150, 300, "above"],
      ["memory_utilization_percent", 600, "slack", "LOW", 75, 90, "above"],
      ["spilled_in_error_rate_percent", 60, "pagerduty+slack", "HIGH", 5, 10, "above"],
    ]);
    expect(DEFAULT_ALERT_RULES.every((r) => r.region === null && r.enabled && r.runbookUrl.startsWith("https://"))).toBe(true);
  });

  it("fills the defaults of a valid rule", () => {
    expect(alertRuleInputSchema.parse(valid)).toMatchObject({ clearThreshold: null, escalateAfterSeconds: 600, enabled: true });
  });

  it.each([
    [{ ...valid, critical: 1 }, ["critical: must be at or beyond warning in the bad direction (above)"]],
    [
      { ...valid, direction: "below", warning: 100, critical: 200 },
      ["critical: must be at or beyond warning in the bad direction (below)"],
    ],
    [{ ...valid, clearThreshold: 3 }, ["clearThreshold: must be at or on the good side of warning"]],
    [
      { ...valid, windowSeconds: 5, channels: ["fax"] },
      ["windowSeconds: must be at least 10 seconds", "channels.0: each must be one of webhook, slack, pagerduty, email, sms"],
    ],
    [{ ...valid, runbookUrl: "ftp://x" }, ["runbookUrl: must be an http(s) URL"]],
  ])("refuses %j with a reason for each bad field", (input, expected) => {
    expect(issuesOf(input)).toEqual(expected);
  });
});

describe("isAlertInRange", () => {
  it("keeps alerts active at any moment of the range", () => {
    expect(isAlertInRange({ firedAt: 50, resolvedAt: null }, 100, 200)).toBe(true);
    expect(isAlertInRange({ firedAt: 50, resolvedAt: 100 }, 100, 200)).toBe(true);
    expect(isAlertInRange({ firedAt: 150, resolvedAt: 160 }, 100, 200)).toBe(true);
    expect(isAlertInRange({ firedAt: 50, resolvedAt: 99 }, 100, 200)).toBe(false);
    expect(isAlertInRange({ firedAt: 200, resolvedAt: null }, 100, 200)).toBe(false);
  });
});

describe("orderForAttention", () => {
  const alert = (id: string, state: AlertView["state"], severity: AlertView["severity"], firedAt: number) =>
    ({ id, state, severity, firedAt }) as AlertView;

  it("lists unowned alerts first, critical before warning, then newest", () => {
    const ordered = orderForAttention([
      alert("acked-critical-newest", "acknowledged", "critical", 5),
      alert("firing-warning-new", "firing", "warning", 4),
      alert("firing-critical-old", "firing", "critical", 1),
      alert("firing-critical-new", "firing", "critical", 3),
      alert("acked-warning", "acknowledged", "warning", 6),
    ]);
    expect(ordered.map((a) => a.id)).toEqual([
      "firing-critical-new",
      "firing-critical-old",
      "firing-warning-new",
      "acked-critical-newest",
      "acked-warning",
    ]);
  });
});
