import { describe, expect, it } from "vitest";
import { evaluate } from "./cost-testing";

describe("evaluateCostScenario: edge cases", () => {
  it("follows the traffic across midnight for an autoscaling fleet", () => {
    // bangalore: 9,000 events/s at the ×3.0 peak, 1,000 per instance → 3 × multiplier instances an hour:
    //   ×0.3 (23:00–07:59, 9 h) → ceil(0.9) = 1; ×2.5 (4 h) → 8; ×1.8 (3 h) → ceil(5.4) = 6; ×1.0 (2 h) → 3; ×3.0 (6 h) → 9
    //   9 + 32 + 18 + 6 + 54 = 119 h/day × 30 = 3,570 h × ₹7 = ₹24,990
    // Without the wrap (the source's bug) hours 00–07 and 23 would run at ×1.0 → 3 each: 137 h/day, 4,110 h.
    const result = evaluate({
      regions: [
        {
          region: "bangalore",
          fleet: { type: "autoscale", min: 1, max: 10, eventsPerSecondPerInstance: 1_000 },
          peakEventsPerSecond: 9_000,
          storageGb: 0,
          networkGb: 0,
          partitions: 0,
        },
      ],
    });
    expect(result.current.regions[0]).toMatchObject({ instanceHours: 3_570, computeInr: 24_990 });
  });

  it("counts instances exactly where floating point would round one too many", () => {
    // ×1.4 at 20:00, ×0.3 otherwise; 4,200 events/s at the peak, 300 per instance:
    //   peak 4,200 / 300 = 14; other hours 4,200 × 0.3 / 1.4 / 300 = 3 exactly (floats: 3.0000000000000004 → 4)
    //   23 × 3 + 14 = 83 h/day × 30 = 2,490 h
    const pattern = Array.from({ length: 24 }, (_, hour) => (hour === 20 ? 1.4 : 0.3));
    const result = evaluate({
      trafficPattern: pattern,
      regions: [
        {
          region: "pune",
          fleet: { type: "autoscale", min: 1, max: 20, eventsPerSecondPerInstance: 300 },
          peakEventsPerSecond: 4_200,
          storageGb: 0,
          networkGb: 0,
          partitions: 0,
        },
      ],
    });
    expect(result.current.regions[0]?.instanceHours).toBe(2_490);
  });
});
