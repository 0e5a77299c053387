import { describe, expect, it } from "vitest";
import { REFERENCE_COST_SCENARIO, buildTrafficPattern } from "./cost-scenario";
import { evaluate, mumbaiAlone, strategy } from "./cost-testing";
import { evaluateCostScenario } from "./evaluate-cost-scenario";

describe("evaluateCostScenario: the reference scenario (startup on two regions)", () => {
  const result = evaluateCostScenario(REFERENCE_COST_SCENARIO);
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
      {
        region: "mumbai",
        targetRegion: "bangalore",
        savingInr: 4_000,
        description: "Move mumbai's workload to bangalore: 45 ms from its users, within the 50 ms bound",
      },
      {
        region: "bangalore",
        targetRegion: "hyderabad",
        savingInr: 447,
        description:
          "Move bangalore's workload to hyderabad: 35 ms from its users, within the 50 ms bound (hyderabad's rates are estimates)",
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
        {
          region: "mumbai",
          runsIn: "bangalore",
          instanceHours: 2_430,
          computeInr: 17_010,
          storageInr: 390,
          networkInr: 490,
          kafkaInr: 800,
          totalInr: 18_690,
          ratesEstimate: false,
        },
        {
          region: "bangalore",
          runsIn: "hyderabad",
          instanceHours: 1_740,
          computeInr: 11_832,
          storageInr: 225,
          networkInr: 294,
          kafkaInr: 480,
          totalInr: 12_831,
          ratesEstimate: true,
        },
      ],
    });
  });
});

describe("evaluateCostScenario: edge cases", () => {
  it("scales a fixed fleet down over a window that wraps midnight", () => {
    // 22:00–01:59 at ×2, the rest ×1: the 4-instance fleet is sized for ×2, so other hours need max(2, ceil(4 × 1/2)) = 2
    //   4 h × 4 + 20 h × 2 = 56 h/day × 30 = 1,680 h vs 2,880; (2,880 − 1,680) × ₹8 = ₹9,600
    const result = evaluate({ ...mumbaiAlone(0), trafficPattern: buildTrafficPattern([{ start: 22, end: 1, multiplier: 2 }]) });
    expect(result.peakHour).toBe(0);
    expect(strategy(result, "dynamic_scaling").savingInr).toBe(9_600);
  });

  it("never scales a one-instance fleet up to the minimum of 2", () => {
    const result = evaluate({
      regions: [{ region: "mumbai", fleet: { type: "fixed", instances: 1 }, storageGb: 0, networkGb: 0, partitions: 0 }],
    });
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
      expect(strategy(result, "regional_placement")).toEqual({
        strategy: "regional_placement",
        currentInr: 23_650,
        optimisedInr: 23_650,
        savingInr: 0,
        actions: [],
      });
      expect(result.recommendations.map((recommendation) => recommendation.strategy)).not.toContain("regional_placement");
    });

    it("recommends placement once the saving passes ₹3,000 (hyderabad at 60 ms), not at ₹2,980", () => {
      expect(evaluate(mumbaiAlone(45)).recommendations.map((r) => r.strategy)).not.toContain("regional_placement");
      expect(evaluate(mumbaiAlone(60)).recommendations.map((r) => r.strategy)).toContain("regional_placement");
    });
  });
});
