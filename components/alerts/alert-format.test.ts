import { describe, expect, it } from "vitest";
import { NOT_NOTIFIED_YET } from "@/core/alerts/alert-channels";
import {
  describeAlertLinesShort,
  describeAlertThresholds,
  describeChannelStatus,
  describeLiveValue,
  describeNobodyNotified,
  formatMetricValue,
} from "./alert-format";

const AT = Date.UTC(2026, 10, 26, 15, 34, 5);
const IST = { timeZone: "Asia/Kolkata", label: "IST" };
const errorRate = {
  metric: "error_rate_percent" as const,
  warning: 2,
  critical: 5,
  direction: "above" as const,
  severity: "warning" as const,
  windowSeconds: 120,
};

describe("alert formatting", () => {
  it("writes each metric in its unit", () => {
    expect(formatMetricValue("error_rate_percent", 2.5)).toBe("2.50%");
    expect(formatMetricValue("processing_latency_ms", 240.4)).toBe("240 ms");
    expect(formatMetricValue("consumer_lag_messages", 120_000)).toBe("1.2L events");
    expect(formatMetricValue("memory_utilization_percent", Number.NaN)).toBe("—");
  });

  it("states the value against both lines in the rule's direction, the value now while it is measured", () => {
    expect(describeAlertThresholds({ ...errorRate, value: 6 })).toBe("6.00% (warning above 2.00%, critical above 5.00%)");
    const live = { at: AT, value: 1.2, measuredAt: AT, level: "ok" as const, sparkline: [] };
    expect(describeAlertThresholds({ ...errorRate, value: 6, live })).toBe("1.20% (warning above 2.00%, critical above 5.00%)");
    expect(describeAlertThresholds({ ...errorRate, value: 6, live: { ...live, value: null } })).toBe(
      "6.00% (warning above 2.00%, critical above 5.00%)",
    );
  });

  it("writes the lines short for the strip, with the direction's sign", () => {
    expect(describeAlertLinesShort(errorRate)).toBe("warning > 2.00%, critical > 5.00%");
    expect(describeAlertLinesShort({ metric: "events_per_second", warning: 100_000, critical: 50_000, direction: "below" })).toBe(
      "warning < 1.0L events/s, critical < 50.0K events/s",
    );
  });
});

describe("describeLiveValue", () => {
  const live = { at: AT, value: 19.84, measuredAt: AT, level: "critical" as const, sparkline: [] };

  it("says which line the value is beyond now, and that a warning turns critical only once its window is", () => {
    expect(describeLiveValue({ ...errorRate, live }, IST)).toBe(
      "19.84% at 21:04:05 IST: beyond the critical line (5.00%); the alert turns critical once 80% of its 120 s window is.",
    );
    expect(describeLiveValue({ ...errorRate, severity: "critical", live }, IST)).toBe(
      "19.84% at 21:04:05 IST: beyond the critical line (5.00%).",
    );
    expect(describeLiveValue({ ...errorRate, live: { ...live, value: 1.2, level: "ok" } }, IST)).toBe(
      "1.20% at 21:04:05 IST: back inside the warning line (2.00%).",
    );
  });

  it("says when nothing was measured", () => {
    expect(describeLiveValue({ ...errorRate, live: null }, IST)).toBe("Not measured here yet.");
    expect(describeLiveValue({ ...errorRate, live: { ...live, value: null, measuredAt: null, level: null } }, IST)).toBe(
      "Nothing measured in the last 120 s (no traffic).",
    );
  });
});

describe("describeNobodyNotified", () => {
  it("names the channels not configured, those that failed, and a silence", () => {
    expect(describeNobodyNotified({ ...NOT_NOTIFIED_YET, skipped: ["slack", "pagerduty", "sms"] })).toBe(
      "slack, pagerduty and sms are not configured",
    );
    expect(describeNobodyNotified({ ...NOT_NOTIFIED_YET, skipped: ["sms"], failed: ["webhook"], silenced: true })).toBe(
      "sms is not configured; webhook failed; a silence held its notices back",
    );
  });
});

describe("describeChannelStatus", () => {
  it("says whether it is configured, what configures it, the rules naming it and its last delivery", () => {
    const slack = { channel: "slack" as const, configured: false, settings: "SLACK_WEBHOOK_URL", rules: 2, last: null };
    expect(describeChannelStatus(slack, IST)).toBe(
      "slack: not configured (set SLACK_WEBHOOK_URL) · named by 2 enabled rules · nothing sent yet",
    );
    expect(
      describeChannelStatus(
        { ...slack, configured: true, rules: 1, last: { outcome: "delivered", at: AT, note: null, alertId: "a1" } },
        IST,
      ),
    ).toBe("slack: configured · named by 1 enabled rule · last delivered 21:04:05 IST");
  });
});
