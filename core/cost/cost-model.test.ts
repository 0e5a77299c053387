import { describe, expect, it } from "vitest";
import {
  GROWTH_PHASES,
  HOURS_PER_MONTH,
  evaluateCostScenario,
  evaluateFailoverCost,
  projectLiveCost,
  type CostEvaluation,
  type CostStrategy,
} from "./cost-model";
import { REFERENCE_COST_SCENARIO, buildTrafficPattern, costScenarioSchema, type CostScenarioInput } from "./cost-scenario";

function evaluate(input: CostScenarioInput): CostEvaluation {
  return evaluateCostScenario(costScenarioSchema.parse(input));
}

function strategy(result: CostEvaluation, name: CostStrategy) {
  const found = result.optimisations.find((optimisation) => optimisation.strategy === name);
  if (!found) throw new Error(`no ${name} in the result`);
  return found;
}

/** Mumbai alone: 4 fixed instances, 100 GB stored, 200 GB moved, 6 partitions. */
function mumbaiAlone(latencyBoundMs: number): CostScenarioInput {
  return {
    latencyBoundMs,
    regions: [{ region: "mumbai", fleet: { type: "fixed", instances: 4 }, storageGb: 100, networkGb: 200, partitions: 6 }],
  };
}

describe("evaluateCostScenario: the reference scenario (startup on two regions)", () => {
  const result = evaluateCostScenario(REFERENCE_COST_SCENARIO);

  it("prices every instance of each region for 720 h, plus storage, network and partitions", () => {
    // mumbai:    5 × 720 = 3,600 h × ₹8 = 28,800; 500 GB × 1.5 = 750; 1,000 GB × 0.8 = 800; 20 × 50 = 1,000 → 31,350
    // bangalore: 3 × 720 = 2,160 h × ₹7 = 15,120; 300 GB × 1.3 = 390;   600 GB × 0.7 = 420; 12 × 40 =   480 → 16,410
    expect(result.current).toEqual({
      totalInr: 47_760,
      regions: [
        { region: "mumbai", instanceHours: 3_600, computeInr: 28_800, storageInr: 750, networkInr: 800, kafkaInr: 1_000, totalInr: 31_350, ratesEstimate: false },
        { region: "bangalore", instanceHours: 2_160, computeInr: 15_120, storageInr: 390, networkInr: 420, kafkaInr: 480, totalInr: 16_410, ratesEstimate: false },
      ],
    });
    expect(result.peakHour).toBe(17);
  });

  it("scales each fixed fleet with the pattern: max(2, ceil(fleet × multiplier ÷ 3.0)) per hour", () => {
    // mumbai (5): ×0.3 → ceil(0.5)=1→2 for 9 h; ×2.5 → ceil(4.17)=5 for 4 h; ×1.8 → 3 for 3 h; ×1.0 → ceil(1.67)=2 for 2 h; ×3.0 → 5 for 6 h
    //   18 + 20 + 9 + 4 + 30 = 81 h/day × 30 = 2,430 h; (3,600 − 2,430) × ₹8 = ₹9,360
    // bangalore (3): ×0.3 → 2 (9 h); ×2.5 → 3 (4 h); ×1.8 → 2 (3 h); ×1.0 → 2 (2 h); ×3.0 → 3 (6 h)
    //   18 + 12 + 6 + 4 + 18 = 58 h/day × 30 = 1,740 h; (2,160 − 1,740) × ₹7 = ₹2,940
    const scaling = strategy(result, "dynamic_scaling");
    expect(scaling).toMatchObject({ currentInr: 47_760, optimisedInr: 35_460, savingInr: 12_300 });
    expect(scaling.actions.map((action) => [action.region, action.savingInr])).toEqual([
      ["mumbai", 9_360],
      ["bangalore", 2_940],
    ]);
    expect(scaling.actions[0]?.description).toBe(
      "Replace mumbai's 5 fixed instances with an autoscaling group (min 2, max 20; scale up at 70% CPU, down at 30%): 2430 instance-hours a month instead of 3600",
    );
  });

  it("moves workloads only to cheaper regions within 50 ms of their users", () => {
    // mumbai → bangalore (45 ms): 3,600 × 7 + 500 × 1.3 + 1,000 × 0.7 + 20 × 40 = 25,200 + 650 + 700 + 800 = 27,350; saves 4,000
    //   (pune, 15 ms: 25,920 + 675 + 720 + 840 = 28,155 — cheaper than mumbai, dearer than bangalore)
    // bangalore → hyderabad (35 ms): 2,160 × 6.8 + 300 × 1.25 + 600 × 0.7 + 12 × 40 = 14,688 + 375 + 420 + 480 = 15,963; saves 447
    const placement = strategy(result, "regional_placement");
    expect(placement).toMatchObject({ currentInr: 47_760, optimisedInr: 43_313, savingInr: 4_447 });
    expect(placement.actions).toEqual([
      { region: "mumbai", targetRegion: "bangalore", savingInr: 4_000, description: "Move mumbai's workload to bangalore: 45 ms from its users, within the 50 ms bound" },
      {
        region: "bangalore",
        targetRegion: "hyderabad",
        savingInr: 447,
        description: "Move bangalore's workload to hyderabad: 35 ms from its users, within the 50 ms bound (hyderabad's rates are estimates)",
      },
    ]);
  });

  it("tiers storage (20% at full price, 80% at half: 0.6 of the bill) and compresses traffic to 0.7", () => {
    // storage: mumbai 750 − 450 = 300; bangalore 390 − 234 = 156 → 456
    // network: mumbai 800 − 560 = 240; bangalore 420 − 294 = 126 → 366
    expect(strategy(result, "storage_tiering")).toMatchObject({ optimisedInr: 47_304, savingInr: 456 });
    expect(strategy(result, "network_compression")).toMatchObject({ optimisedInr: 47_394, savingInr: 366 });
    expect(strategy(result, "storage_tiering").actions.map((action) => action.savingInr)).toEqual([300, 156]);
  });

  it("combines all four without counting a saving twice", () => {
    // mumbai: 2,430 h, tiered, compressed, then the cheapest within 50 ms:
    //   stay 19,440 + 450 + 560 + 1,000 = 21,450; bangalore 17,010 + 390 + 490 + 800 = 18,690; pune 17,496 + 405 + 504 + 840 = 19,245
    // bangalore: 1,740 h: stay 12,180 + 234 + 294 + 480 = 13,188; hyderabad 11,832 + 225 + 294 + 480 = 12,831
    // 18,690 + 12,831 = 31,521 (the four savings summed would claim 47,760 − 17,569 = 30,191)
    expect(result.combined).toEqual({
      currentInr: 47_760,
      optimisedInr: 31_521,
      savingInr: 16_239,
      regions: [
        { region: "mumbai", runsIn: "bangalore", instanceHours: 2_430, computeInr: 17_010, storageInr: 390, networkInr: 490, kafkaInr: 800, totalInr: 18_690, ratesEstimate: false },
        { region: "bangalore", runsIn: "hyderabad", instanceHours: 1_740, computeInr: 11_832, storageInr: 225, networkInr: 294, kafkaInr: 480, totalInr: 12_831, ratesEstimate: true },
      ],
    });
  });

  it("recommends scaling (₹12,300 > ₹5,000) and placement (₹4,447 > ₹3,000), not storage (₹456 ≤ ₹1,000)", () => {
    expect(result.recommendations).toEqual([
      { strategy: "dynamic_scaling", savingInr: 12_300, thresholdInr: 5_000, message: "Autoscale with the traffic pattern: save ₹12,300/month" },
      { strategy: "regional_placement", savingInr: 4_447, thresholdInr: 3_000, message: "Move workloads to cheaper regions within the latency bound: save ₹4,447/month" },
    ]);
  });

  it("checks the ₹2,00,000 budget and places the total below phase 1's band", () => {
    expect(result.budget).toEqual({
      budgetInr: 200_000,
      totalInr: 47_760,
      withinBudget: true,
      headroomInr: 152_240,
      optimisedInr: 31_521,
      optimisedWithinBudget: true,
    });
    expect(result.growth).toEqual({ users: null, phase: null, costPhase: GROWTH_PHASES[0], costVersusPhase: null });
  });
});

describe("evaluateCostScenario: edge cases", () => {
  it("runs a zero-traffic autoscaling fleet at its minimum every hour and finds nothing to save", () => {
    // delhi: min 2 all day → 2 × 720 = 1,440 h × ₹7.5 = ₹10,800; nothing stored, moved or partitioned;
    // no region within 50 ms of delhi (nearest kolkata 70 ms), so no move either
    const result = evaluate({
      regions: [
        { region: "delhi", fleet: { type: "autoscale", min: 2, max: 10, eventsPerSecondPerInstance: 1_000 }, peakEventsPerSecond: 0, storageGb: 0, networkGb: 0, partitions: 0 },
      ],
    });
    expect(result.current.regions).toEqual([
      { region: "delhi", instanceHours: 1_440, computeInr: 10_800, storageInr: 0, networkInr: 0, kafkaInr: 0, totalInr: 10_800, ratesEstimate: false },
    ]);
    expect(result.optimisations.map((optimisation) => [optimisation.strategy, optimisation.savingInr, optimisation.actions.length])).toEqual([
      ["dynamic_scaling", 0, 0],
      ["regional_placement", 0, 0],
      ["storage_tiering", 0, 0],
      ["network_compression", 0, 0],
    ]);
    expect(result.combined.optimisedInr).toBe(10_800);
    expect(result.recommendations).toEqual([]);
  });

  it("follows the traffic across midnight for an autoscaling fleet", () => {
    // bangalore: 9,000 events/s at the ×3.0 peak, 1,000 per instance → 3 × multiplier instances an hour:
    //   ×0.3 (23:00–07:59, 9 h) → ceil(0.9) = 1; ×2.5 (4 h) → 8; ×1.8 (3 h) → ceil(5.4) = 6; ×1.0 (2 h) → 3; ×3.0 (6 h) → 9
    //   9 + 32 + 18 + 6 + 54 = 119 h/day × 30 = 3,570 h × ₹7 = ₹24,990
    // Without the wrap (the source's bug) hours 00–07 and 23 would run at ×1.0 → 3 each: 137 h/day, 4,110 h.
    const result = evaluate({
      regions: [
        { region: "bangalore", fleet: { type: "autoscale", min: 1, max: 10, eventsPerSecondPerInstance: 1_000 }, peakEventsPerSecond: 9_000, storageGb: 0, networkGb: 0, partitions: 0 },
      ],
    });
    expect(result.current.regions[0]).toMatchObject({ instanceHours: 3_570, computeInr: 24_990 });
  });

  it("scales a fixed fleet down over a window that wraps midnight", () => {
    // 22:00–01:59 at ×2, the rest ×1: the 4-instance fleet is sized for ×2, so other hours need max(2, ceil(4 × 1/2)) = 2
    //   4 h × 4 + 20 h × 2 = 56 h/day × 30 = 1,680 h vs 2,880; (2,880 − 1,680) × ₹8 = ₹9,600
    const result = evaluate({ ...mumbaiAlone(0), trafficPattern: buildTrafficPattern([{ start: 22, end: 1, multiplier: 2 }]) });
    expect(result.peakHour).toBe(0);
    expect(strategy(result, "dynamic_scaling").savingInr).toBe(9_600);
  });

  it("counts instances exactly where floating point would round one too many", () => {
    // ×1.4 at 20:00, ×0.3 otherwise; 4,200 events/s at the peak, 300 per instance:
    //   peak 4,200 / 300 = 14; other hours 4,200 × 0.3 / 1.4 / 300 = 3 exactly (floats: 3.0000000000000004 → 4)
    //   23 × 3 + 14 = 83 h/day × 30 = 2,490 h
    const pattern = Array.from({ length: 24 }, (_, hour) => (hour === 20 ? 1.4 : 0.3));
    const result = evaluate({
      trafficPattern: pattern,
      regions: [
        { region: "pune", fleet: { type: "autoscale", min: 1, max: 20, eventsPerSecondPerInstance: 300 }, peakEventsPerSecond: 4_200, storageGb: 0, networkGb: 0, partitions: 0 },
      ],
    });
    expect(result.current.regions[0]?.instanceHours).toBe(2_490);
  });

  it("never scales a one-instance fleet up to the minimum of 2", () => {
    const result = evaluate({ regions: [{ region: "mumbai", fleet: { type: "fixed", instances: 1 }, storageGb: 0, networkGb: 0, partitions: 0 }] });
    expect(strategy(result, "dynamic_scaling")).toMatchObject({ savingInr: 0, actions: [] });
  });

  describe("one region and the latency bound", () => {
    // mumbai alone: 4 × 720 = 2,880 h. At each region's rates (compute + 100 GB + 200 GB + 6 partitions):
    //   mumbai    23,040 + 150 + 160 + 300 = 23,650
    //   pune      20,736 + 135 + 144 + 252 = 21,267 (15 ms)  saves 2,383
    //   bangalore 20,160 + 130 + 140 + 240 = 20,670 (45 ms)  saves 2,980
    //   hyderabad 19,584 + 125 + 140 + 240 = 20,089 (60 ms)  saves 3,561
    it.each([
      [14, null, 0],
      [15, "pune", 2_383],
      [44, "pune", 2_383],
      [45, "bangalore", 2_980],
      [60, "hyderabad", 3_561],
    ])("with a %i ms bound moves to %s, saving ₹%i", (bound, target, saving) => {
      const placement = strategy(evaluate(mumbaiAlone(bound)), "regional_placement");
      expect(placement.savingInr).toBe(saving);
      expect(placement.actions.map((action) => action.targetRegion)).toEqual(target === null ? [] : [target]);
    });

    it("makes no move at all when the bound forbids every cheaper region", () => {
      const result = evaluate(mumbaiAlone(14));
      expect(strategy(result, "regional_placement")).toEqual({ strategy: "regional_placement", currentInr: 23_650, optimisedInr: 23_650, savingInr: 0, actions: [] });
      expect(result.recommendations.map((recommendation) => recommendation.strategy)).not.toContain("regional_placement");
    });

    it("recommends placement once the saving passes ₹3,000 (hyderabad at 60 ms), not at ₹2,980", () => {
      expect(evaluate(mumbaiAlone(45)).recommendations.map((r) => r.strategy)).not.toContain("regional_placement");
      expect(evaluate(mumbaiAlone(60)).recommendations.map((r) => r.strategy)).toContain("regional_placement");
    });
  });

  describe("budget", () => {
    it("is within budget when the total exactly meets it", () => {
      const result = evaluateCostScenario({ ...REFERENCE_COST_SCENARIO, budgetInr: 47_760 });
      expect(result.budget).toMatchObject({ totalInr: 47_760, withinBudget: true, headroomInr: 0 });
    });

    it("is over budget by one paisa below the total", () => {
      const result = evaluateCostScenario({ ...REFERENCE_COST_SCENARIO, budgetInr: 47_759.99 });
      expect(result.budget).toMatchObject({ withinBudget: false, headroomInr: -0.01, optimisedWithinBudget: true });
    });
  });

  it("recommends storage tiering only when the saving strictly exceeds ₹1,000", () => {
    // ₹1/GB-month: 2,500 GB saves 2,500 × 0.4 = ₹1,000 (not more); 2,501 GB saves ₹1,000.40
    const withStorage = (storageGb: number) =>
      evaluate({ regions: [{ region: "mumbai", fleet: { type: "fixed", instances: 1 }, storageGb, networkGb: 0, partitions: 0, rates: { storagePerGbMonth: 1 } }] });
    expect(strategy(withStorage(2_500), "storage_tiering").savingInr).toBe(1_000);
    expect(withStorage(2_500).recommendations).toEqual([]);
    expect(withStorage(2_501).recommendations).toEqual([
      { strategy: "storage_tiering", savingInr: 1_000.4, thresholdInr: 1_000, message: "Tier storage into hot and cold: save ₹1,000.40/month" },
    ]);
  });

  it("prices overridden rates and keeps the estimate flag while a registry estimate is still used", () => {
    // hyderabad, 1 instance at ₹6 instead of 6.8: 720 × 6 = 4,320; 10 GB at the estimated ₹1.25 = 12.50
    const partial = evaluate({
      regions: [{ region: "hyderabad", fleet: { type: "fixed", instances: 1 }, storageGb: 10, networkGb: 0, partitions: 0, rates: { computePerInstanceHour: 6 } }],
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

  it("grades growth by users and by cost band", () => {
    // mumbai, 1 instance: 720 × 8 = 5,760 + 94,240 GB × ₹1 = ₹1,00,000 exactly: the bottom of phase 2's band
    const input = (users: number): CostScenarioInput => ({
      users,
      regions: [{ region: "mumbai", fleet: { type: "fixed", instances: 1 }, storageGb: 94_240, networkGb: 0, partitions: 0, rates: { storagePerGbMonth: 1 } }],
    });
    expect(evaluate(input(9_999)).growth).toEqual({ users: 9_999, phase: GROWTH_PHASES[0], costPhase: GROWTH_PHASES[1], costVersusPhase: "above" });
    expect(evaluate(input(10_000)).growth).toMatchObject({ phase: GROWTH_PHASES[1], costVersusPhase: "within" });
    expect(evaluate(input(100_000)).growth).toMatchObject({ phase: GROWTH_PHASES[2], costVersusPhase: "below" });
    expect(evaluateCostScenario({ ...REFERENCE_COST_SCENARIO, users: 2_000_000 }).growth).toMatchObject({ phase: GROWTH_PHASES[3], costVersusPhase: "below" });
  });
});

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
      { region: "bangalore", instanceHours: 5_760, computeInr: 40_320, storageInr: 1_040, networkInr: 1_120, kafkaInr: 1_280, totalInr: 43_760, ratesEstimate: false },
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
      regions: ["mumbai", "delhi", "hyderabad"].map((region) => ({ region, fleet: { type: "fixed", instances: 2 }, storageGb: 0, networkGb: 0, partitions: 0 })),
    });
    // from delhi: mumbai 80 ms, hyderabad 90 ms
    expect(evaluateFailoverCost(scenario, "delhi")).toMatchObject({ takerRegion: "mumbai", latencyMs: 80, withinLatencyBound: false, latencyLevel: "ok" });
  });

  it("scales an autoscaling taker with the combined load, raising its max to the peak need", () => {
    // bangalore autoscale (3,000 events/s at peak, 1,000 each → 3) + mumbai fixed 5 → 8 at the peak, above max 4
    //   per hour clamp(ceil(8 × m / 3), 2, 8): ×0.3 → 2 (9 h); ×2.5 → 7 (4 h); ×1.8 → 5 (3 h); ×1.0 → 3 (2 h); ×3.0 → 8 (6 h)
    //   18 + 28 + 15 + 6 + 48 = 115 h/day × 30 = 3,450 h × ₹7 = 24,150; mumbai's 500 / 1,000 / 20 at bangalore rates: 650 + 700 + 800
    // before: bangalore ran max(2, ceil(m)) → 58 h/day, 1,740 h × 7 = 12,180; mumbai 31,350 → 43,530
    const scenario = costScenarioSchema.parse({
      regions: [
        { region: "mumbai", fleet: { type: "fixed", instances: 5 }, storageGb: 500, networkGb: 1_000, partitions: 20 },
        { region: "bangalore", fleet: { type: "autoscale", min: 2, max: 4, eventsPerSecondPerInstance: 1_000 }, peakEventsPerSecond: 3_000, storageGb: 0, networkGb: 0, partitions: 0 },
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
        { region: "bangalore", fleet: { type: "autoscale", min: 2, max: 4, eventsPerSecondPerInstance: 1_000 }, peakEventsPerSecond: 3_000, storageGb: 0, networkGb: 0, partitions: 0 },
        { region: "pune", fleet: { type: "autoscale", min: 1, max: 5, eventsPerSecondPerInstance: 5_000 }, peakEventsPerSecond: 10_000, storageGb: 0, networkGb: 0, partitions: 0 },
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

describe("projectLiveCost", () => {
  it("sizes each measured region for tonight's events/s and prices a month of it", () => {
    // mumbai 120,000 / 50,000 = 2.4 → 3 instances at 80%; 3 × 720 × ₹8 = 17,280
    // kolkata 0 → the minimum 2; 2 × 720 × ₹6.5 = 9,360 (an estimate)
    const projection = projectLiveCost({ mumbai: 120_000, kolkata: 0 });
    expect(projection).toEqual({
      regions: [
        { region: "mumbai", eventsPerSecond: 120_000, instances: 3, utilizationPercent: 80, monthlyComputeInr: 17_280, ratesEstimate: false },
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
