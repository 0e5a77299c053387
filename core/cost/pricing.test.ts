import { describe, expect, it } from "vitest";
import { REFERENCE_COST_SCENARIO } from "./cost-scenario";
import { evaluate } from "./cost-testing";
import { evaluateCostScenario } from "./evaluate-cost-scenario";

describe("evaluateCostScenario: the reference scenario (startup on two regions)", () => {
  const result = evaluateCostScenario(REFERENCE_COST_SCENARIO);
  it("prices every instance of each region for 720 h, plus storage, network and partitions", () => {
    // mumbai:    5 × 720 = 3,600 h × ₹8 = 28,800; 500 GB × 1.5 = 750; 1,000 GB × 0.8 = 800; 20 × 50 = 1,000 → 31,350
    // bangalore: 3 × 720 = 2,160 h × ₹7 = 15,120; 300 GB × 1.3 = 390;   600 GB × 0.7 = 420; 12 × 40 =   480 → 16,410
    expect(result.current).toEqual({
      totalInr: 47_760,
      regions: [
        {
          region: "mumbai",
          instanceHours: 3_600,
          computeInr: 28_800,
          storageInr: 750,
          networkInr: 800,
          kafkaInr: 1_000,
          totalInr: 31_350,
          ratesEstimate: false,
        },
        {
          region: "bangalore",
          instanceHours: 2_160,
          computeInr: 15_120,
          storageInr: 390,
          networkInr: 420,
          kafkaInr: 480,
          totalInr: 16_410,
          ratesEstimate: false,
        },
      ],
    });
    expect(result.peakHour).toBe(17);
  });
});

describe("evaluateCostScenario: edge cases", () => {
  it("prices overridden rates and keeps the estimate flag while a registry estimate is still used", () => {
    // hyderabad, 1 instance at ₹6 instead of 6.8: 720 × 6 = 4,320; 10 GB at the estimated ₹1.25 = 12.50
    const partial = evaluate({
      regions: [
        {
          region: "hyderabad",
          fleet: { type: "fixed", instances: 1 },
          storageGb: 10,
          networkGb: 0,
          partitions: 0,
          rates: { computePerInstanceHour: 6 },
        },
      ],
    });
    expect(partial.current.regions[0]).toMatchObject({ computeInr: 4_320, storageInr: 12.5, totalInr: 4_332.5, ratesEstimate: true });
    const full = evaluate({
      regions: [
        {
          region: "hyderabad",
          fleet: { type: "fixed", instances: 1 },
          storageGb: 10,
          networkGb: 0,
          partitions: 0,
          rates: { computePerInstanceHour: 6, storagePerGbMonth: 1, networkPerGb: 1, kafkaPerPartitionMonth: 1 },
        },
      ],
    });
    expect(full.current.regions[0]?.ratesEstimate).toBe(false);
  });
});
