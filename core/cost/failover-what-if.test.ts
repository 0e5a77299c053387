import { describe, expect, it } from "vitest";
import { REFERENCE_COST_SCENARIO, costScenarioSchema } from "./cost-scenario";
import { mumbaiAlone } from "./cost-testing";
import { evaluateCostScenario } from "./evaluate-cost-scenario";
import { evaluateFailoverCost } from "./failover-what-if";

describe("evaluateFailoverCost", () => {
  it("moves mumbai's load to bangalore, the nearest region, which must grow from 3 to 8 instances", () => {
    // bangalore carries 3 + 5 = 8 peak instances: 8 / 3 = 266.7% of its fleet; 8 × 720 = 5,760 h × ₹7 = 40,320
    // plus both regions' storage, traffic and partitions at bangalore's rates: 390 + 650, 420 + 700, 480 + 800
    // 40,320 + 1,040 + 1,120 + 1,280 = 43,760; 43,760 − 47,760 = −4,000
    const result = evaluateFailoverCost(REFERENCE_COST_SCENARIO, "mumbai");
    expect(result).toMatchObject({
      failedRegion: "mumbai",
      takerRegion: "bangalore",
      latencyMs: 45,
      latencyLevel: "ok",
      withinLatencyBound: true,
      peakHour: 17,
      takerPeakUtilizationPercent: 266.7,
      takerPeakInstancesBefore: 3,
      takerPeakInstancesAfter: 8,
      currentInr: 47_760,
      failoverInr: 43_760,
      deltaInr: -4_000,
    });
    expect(result.regions).toEqual([
      {
        region: "bangalore",
        instanceHours: 5_760,
        computeInr: 40_320,
        storageInr: 1_040,
        networkInr: 1_120,
        kafkaInr: 1_280,
        totalInr: 43_760,
        ratesEstimate: false,
      },
    ]);
    expect(result.actions).toEqual([
      "Route mumbai's users to bangalore: +45 ms (within the 50 ms bound)",
      "Scale bangalore from 3 to 8 instances at 17:00 IST: both loads would run it at 266.7%",
      "Saves ₹4,000 a month while mumbai is down",
    ]);
  });

  it("prices the reverse failover at mumbai's dearer rates", () => {
    // mumbai: 8 × 720 × ₹8 = 46,080; 750 + 450; 800 + 480; 1,000 + 600 → 50,160 (+2,400); 8 / 5 = 160%
    expect(evaluateFailoverCost(REFERENCE_COST_SCENARIO, "bangalore")).toMatchObject({
      takerRegion: "mumbai",
      takerPeakUtilizationPercent: 160,
      failoverInr: 50_160,
      deltaInr: 2_400,
    });
  });

  it("picks the lowest-latency region and flags a latency beyond the bound", () => {
    const scenario = costScenarioSchema.parse({
      regions: ["mumbai", "delhi", "hyderabad"].map((region) => ({
        region,
        fleet: { type: "fixed", instances: 2 },
        storageGb: 0,
        networkGb: 0,
        partitions: 0,
      })),
    });
    // from delhi: mumbai 80 ms, hyderabad 90 ms
    expect(evaluateFailoverCost(scenario, "delhi")).toMatchObject({
      takerRegion: "mumbai",
      latencyMs: 80,
      withinLatencyBound: false,
      latencyLevel: "ok",
    });
  });

  it("scales an autoscaling taker with the combined load, raising its max to the peak need", () => {
    // bangalore autoscale (3,000 events/s at peak, 1,000 each → 3) + mumbai fixed 5 → 8 at the peak, above max 4
    //   per hour clamp(ceil(8 × m / 3), 2, 8): ×0.3 → 2 (9 h); ×2.5 → 7 (4 h); ×1.8 → 5 (3 h); ×1.0 → 3 (2 h); ×3.0 → 8 (6 h)
    //   18 + 28 + 15 + 6 + 48 = 115 h/day × 30 = 3,450 h × ₹7 = 24,150; mumbai's 500 / 1,000 / 20 at bangalore rates: 650 + 700 + 800
    // before: bangalore ran max(2, ceil(m)) → 58 h/day, 1,740 h × 7 = 12,180; mumbai 31,350 → 43,530
    const scenario = costScenarioSchema.parse({
      regions: [
        { region: "mumbai", fleet: { type: "fixed", instances: 5 }, storageGb: 500, networkGb: 1_000, partitions: 20 },
        {
          region: "bangalore",
          fleet: { type: "autoscale", min: 2, max: 4, eventsPerSecondPerInstance: 1_000 },
          peakEventsPerSecond: 3_000,
          storageGb: 0,
          networkGb: 0,
          partitions: 0,
        },
      ],
    });
    expect(evaluateCostScenario(scenario).current.totalInr).toBe(43_530);
    expect(evaluateFailoverCost(scenario, "mumbai")).toMatchObject({
      takerPeakInstancesBefore: 3,
      takerPeakInstancesAfter: 8,
      takerPeakUtilizationPercent: 266.7,
      failoverInr: 26_300,
      deltaInr: -17_230,
      regions: [{ region: "bangalore", instanceHours: 3_450, computeInr: 24_150, totalInr: 26_300 }],
    });
  });

  it("counts an autoscaling region's load in the taker's instances when their capacities differ", () => {
    // pune: 10,000 events/s at 5,000 each = 2 of its instances, but 10 of bangalore's 1,000-events/s instances
    //   bangalore (3,000 events/s = 3) carries 13 at the peak: 13 / 3 = 433.3%, max raised from 4 to 13
    //   per hour clamp(ceil(13 × m / 3), 2, 13): ×0.3 → 2 (9 h); ×2.5 → 11 (4 h); ×1.8 → 8 (3 h); ×1.0 → 5 (2 h); ×3.0 → 13 (6 h)
    //   18 + 44 + 24 + 10 + 78 = 174 h/day × 30 = 5,220 h × ₹7 = 36,540
    // before: bangalore 58 h/day → 1,740 h × 7 = 12,180; pune clamp(ceil(2m/3), 1, 5): 9 + 8 + 6 + 2 + 12 = 37 h/day → 1,110 h × 7.2 = 7,992
    const scenario = costScenarioSchema.parse({
      regions: [
        {
          region: "bangalore",
          fleet: { type: "autoscale", min: 2, max: 4, eventsPerSecondPerInstance: 1_000 },
          peakEventsPerSecond: 3_000,
          storageGb: 0,
          networkGb: 0,
          partitions: 0,
        },
        {
          region: "pune",
          fleet: { type: "autoscale", min: 1, max: 5, eventsPerSecondPerInstance: 5_000 },
          peakEventsPerSecond: 10_000,
          storageGb: 0,
          networkGb: 0,
          partitions: 0,
        },
      ],
    });
    expect(evaluateCostScenario(scenario).current.totalInr).toBe(20_172);
    expect(evaluateFailoverCost(scenario, "pune")).toMatchObject({
      takerRegion: "bangalore",
      latencyMs: 40,
      takerPeakInstancesBefore: 3,
      takerPeakInstancesAfter: 13,
      takerPeakUtilizationPercent: 433.3,
      failoverInr: 36_540,
      deltaInr: 16_368,
      regions: [{ region: "bangalore", instanceHours: 5_220, computeInr: 36_540, totalInr: 36_540 }],
    });
  });

  it("has nobody to take the load of a one-region scenario", () => {
    const result = evaluateFailoverCost(costScenarioSchema.parse(mumbaiAlone(50)), "mumbai");
    expect(result).toMatchObject({ takerRegion: null, failoverInr: 0, deltaInr: -23_650, regions: [] });
    expect(result.actions).toEqual(["No other region in the scenario can take mumbai's load: its users would go unserved"]);
  });

  it("refuses a region that is not in the scenario", () => {
    expect(() => evaluateFailoverCost(REFERENCE_COST_SCENARIO, "delhi")).toThrow("delhi is not in the scenario");
  });
});
