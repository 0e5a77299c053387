import { describe, expect, it } from "vitest";
import { classifyHealthScore, computeHealthScore, listHealthDeductions, type AlertImpact } from "./health-score";

const alerts = (...impacts: AlertImpact[]) => impacts.map((impact) => ({ impact }));

describe("computeHealthScore", () => {
  it("is 100 with no alerts and no unhealthy region", () => {
    expect(computeHealthScore([], ["healthy", "healthy"])).toBe(100);
  });

  it("takes 20 per HIGH alert and 5 per MEDIUM or LOW alert", () => {
    expect(computeHealthScore(alerts("HIGH"), [])).toBe(80);
    expect(computeHealthScore(alerts("MEDIUM"), [])).toBe(95);
    expect(computeHealthScore(alerts("LOW"), [])).toBe(95);
    expect(computeHealthScore(alerts("HIGH", "HIGH", "MEDIUM", "LOW"), [])).toBe(50);
  });

  it("takes 15 per unhealthy region, nothing for a degraded one", () => {
    expect(computeHealthScore([], ["unhealthy", "degraded", "healthy"])).toBe(85);
    expect(computeHealthScore([], ["unhealthy", "unhealthy"])).toBe(70);
  });

  it("reads impact from the field, not from text", () => {
    const disguised = [{ impact: "MEDIUM" as const, description: "HIGH - Multi-region replication affected" }];
    expect(computeHealthScore(disguised, [])).toBe(95);
  });

  it("floors at 0", () => {
    expect(computeHealthScore(alerts("HIGH", "HIGH", "HIGH", "HIGH", "HIGH"), [])).toBe(0);
    expect(computeHealthScore(alerts("HIGH", "HIGH", "HIGH", "HIGH", "HIGH", "LOW"), ["unhealthy"])).toBe(0);
  });
});

describe("classifyHealthScore", () => {
  it.each([
    [100, "excellent"],
    [90, "excellent"],
    [89, "good"],
    [70, "good"],
    [69, "warning"],
    [50, "warning"],
    [49, "critical"],
    [0, "critical"],
  ] as const)("%i → %s", (score, band) => {
    expect(classifyHealthScore(score)).toBe(band);
  });
});

describe("listHealthDeductions", () => {
  it("names each active alert and unhealthy region with its points, largest first, adding up to what the score lost", () => {
    const active = [
      { impact: "MEDIUM" as const, label: "Processing latency in Delhi" },
      { impact: "HIGH" as const, label: "Error rate in Pune" },
    ];
    const regions = [
      { label: "Pune", health: "unhealthy" as const },
      { label: "Delhi", health: "degraded" as const },
    ];
    const deductions = listHealthDeductions(active, regions);
    expect(deductions).toEqual([
      { points: 20, reason: "Error rate in Pune (HIGH impact alert)" },
      { points: 15, reason: "Pune unhealthy" },
      { points: 5, reason: "Processing latency in Delhi (MEDIUM impact alert)" },
    ]);
    expect(100 - deductions.reduce((sum, d) => sum + d.points, 0)).toBe(computeHealthScore(active, ["unhealthy", "degraded"]));
  });

  it("is empty when nothing deducts", () => {
    expect(listHealthDeductions([], [{ label: "Pune", health: "degraded" }])).toEqual([]);
  });
});
