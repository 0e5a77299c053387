import { describe, expect, it } from "vitest";
import { describeAlertThresholds, formatMetricValue } from "./alert-format";

describe("alert formatting", () => {
  it("writes each metric in its unit", () => {
    expect(formatMetricValue("error_rate_percent", 2.5)).toBe("2.50%");
    expect(formatMetricValue("processing_latency_ms", 240.4)).toBe("240 ms");
    expect(formatMetricValue("consumer_lag_messages", 120_000)).toBe("1.2L events");
    expect(formatMetricValue("memory_utilization_percent", Number.NaN)).toBe("—");
  });

  it("states the value against both lines in the rule's direction", () => {
    expect(describeAlertThresholds({ metric: "error_rate_percent", value: 6, warning: 2, critical: 5, direction: "above" })).toBe(
      "6.00% (warning above 2.00%, critical above 5.00%)",
    );
  });
});
