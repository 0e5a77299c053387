import { describe, expect, it } from "vitest";
import { projectLiveCost } from "./live-projection";
import { HOURS_PER_MONTH } from "./scenario-model";

describe("projectLiveCost", () => {
  it("sizes each measured region for tonight's events/s and prices a month of it", () => {
    // mumbai 120,000 / 50,000 = 2.4 → 3 instances at 80%; 3 × 720 × ₹8 = 17,280
    // kolkata 0 → the minimum 2; 2 × 720 × ₹6.5 = 9,360 (an estimate)
    const projection = projectLiveCost({ mumbai: 120_000, kolkata: 0 });
    expect(projection).toEqual({
      regions: [
        {
          region: "mumbai",
          eventsPerSecond: 120_000,
          instances: 3,
          utilizationPercent: 80,
          monthlyComputeInr: 17_280,
          ratesEstimate: false,
        },
        { region: "kolkata", eventsPerSecond: 0, instances: 2, utilizationPercent: 0, monthlyComputeInr: 9_360, ratesEstimate: true },
      ],
      totalInstances: 5,
      monthlyComputeInr: 26_640,
    });
  });

  it("needs exactly n instances at exactly n × capacity, with overridden rates", () => {
    // 150,000 / 50,000 = 3 → 3 instances at 100%; 3 × 720 × ₹7.25 = 15,660
    const projection = projectLiveCost(
      { delhi: 150_000 },
      { eventsPerSecondPerInstance: 50_000, minInstances: 2, rates: { delhi: { computePerInstanceHour: 7.25 } } },
    );
    expect(projection.regions[0]).toMatchObject({ instances: 3, utilizationPercent: 100, monthlyComputeInr: 15_660 });
    expect(projection.monthlyComputeInr).toBe(3 * HOURS_PER_MONTH * 7.25);
  });

  it("projects nothing when nothing is measured and refuses impossible readings", () => {
    expect(projectLiveCost({})).toEqual({ regions: [], totalInstances: 0, monthlyComputeInr: 0 });
    expect(() => projectLiveCost({ pune: -1 })).toThrow("pune: events/s must be a number ≥ 0");
    expect(() => projectLiveCost({ pune: 1 }, { eventsPerSecondPerInstance: 0, minInstances: 2 })).toThrow(RangeError);
  });
});
