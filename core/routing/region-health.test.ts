import { describe, expect, it } from "vitest";
import { assessRegionHealth } from "./region-health";

const OK = { brokerReachable: true, p95ProcessingLatencyMs: 120, errorRatePercent: 1 };

describe("assessRegionHealth", () => {
  it("is healthy within both thresholds, naming the values and thresholds", () => {
    expect(assessRegionHealth(OK)).toEqual({
      health: "healthy",
      reason: "p95 processing latency 120 ms ≤ 200 ms, error rate 1% ≤ 5%",
      failover: false,
    });
  });

  it("marks an unreachable broker unhealthy and fails over, whatever the other figures", () => {
    expect(assessRegionHealth({ ...OK, brokerReachable: false })).toEqual({
      health: "unhealthy",
      reason: "Kafka broker unreachable",
      failover: true,
    });
  });

  it.each([
    [199.99, "healthy"],
    [200, "healthy"],
    [200.01, "degraded"],
  ] as const)("p95 latency %s ms → %s, never failing over", (latency, health) => {
    const assessment = assessRegionHealth({ ...OK, p95ProcessingLatencyMs: latency });
    expect(assessment.health).toBe(health);
    expect(assessment.failover).toBe(false);
  });

  it("names the measured latency and the threshold when degraded", () => {
    expect(assessRegionHealth({ ...OK, p95ProcessingLatencyMs: 231.456 }).reason).toBe("p95 processing latency 231.46 ms > 200 ms");
  });

  it.each([
    [4.99, "healthy", false],
    [5, "healthy", false],
    [5.01, "unhealthy", true],
  ] as const)("error rate %s%% → %s (failover %s)", (rate, health, failover) => {
    const assessment = assessRegionHealth({ ...OK, errorRatePercent: rate });
    expect(assessment.health).toBe(health);
    expect(assessment.failover).toBe(failover);
  });

  it("names the measured error rate and the threshold when unhealthy", () => {
    expect(assessRegionHealth({ ...OK, errorRatePercent: 7.5 }).reason).toBe("error rate 7.5% > 5%");
  });

  it("lets the worse rule win when latency and error rate both breach", () => {
    expect(assessRegionHealth({ brokerReachable: true, p95ProcessingLatencyMs: 900, errorRatePercent: 9 })).toEqual({
      health: "unhealthy",
      reason: "error rate 9% > 5%",
      failover: true,
    });
  });

  it("honours configured thresholds", () => {
    const thresholds = { p95LatencyMs: 100, errorRatePercent: 1 };
    expect(assessRegionHealth(OK, thresholds).health).toBe("degraded");
    expect(assessRegionHealth({ ...OK, p95ProcessingLatencyMs: 50, errorRatePercent: 1.01 }, thresholds).health).toBe("unhealthy");
  });
});
