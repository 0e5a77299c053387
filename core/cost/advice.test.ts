import { describe, expect, it } from "vitest";
import { GROWTH_PHASES } from "./advice";
import { REFERENCE_COST_SCENARIO, type CostScenarioInput } from "./cost-scenario";
import { evaluate, strategy } from "./cost-testing";
import { evaluateCostScenario } from "./evaluate-cost-scenario";

describe("evaluateCostScenario: the reference scenario (startup on two regions)", () => {
  const result = evaluateCostScenario(REFERENCE_COST_SCENARIO);
  it("recommends scaling (₹12,300 > ₹5,000) and placement (₹4,447 > ₹3,000), not storage (₹456 ≤ ₹1,000)", () => {
    expect(result.recommendations).toEqual([
      {
        strategy: "dynamic_scaling",
        savingInr: 12_300,
        thresholdInr: 5_000,
        message: "Autoscale with the traffic pattern: save ₹12,300/month",
      },
      {
        strategy: "regional_placement",
        savingInr: 4_447,
        thresholdInr: 3_000,
        message: "Move workloads to cheaper regions within the latency bound: save ₹4,447/month",
      },
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
      evaluate({
        regions: [
          {
            region: "mumbai",
            fleet: { type: "fixed", instances: 1 },
            storageGb,
            networkGb: 0,
            partitions: 0,
            rates: { storagePerGbMonth: 1 },
          },
        ],
      });
    expect(strategy(withStorage(2_500), "storage_tiering").savingInr).toBe(1_000);
    expect(withStorage(2_500).recommendations).toEqual([]);
    expect(withStorage(2_501).recommendations).toEqual([
      {
        strategy: "storage_tiering",
        savingInr: 1_000.4,
        thresholdInr: 1_000,
        message: "Tier storage into hot and cold: save ₹1,000.40/month",
      },
    ]);
  });

  it("grades growth by users and by cost band", () => {
    // mumbai, 1 instance: 720 × 8 = 5,760 + 94,240 GB × ₹1 = ₹1,00,000 exactly: the bottom of phase 2's band
    const input = (users: number): CostScenarioInput => ({
      users,
      regions: [
        {
          region: "mumbai",
          fleet: { type: "fixed", instances: 1 },
          storageGb: 94_240,
          networkGb: 0,
          partitions: 0,
          rates: { storagePerGbMonth: 1 },
        },
      ],
    });
    expect(evaluate(input(9_999)).growth).toEqual({
      users: 9_999,
      phase: GROWTH_PHASES[0],
      costPhase: GROWTH_PHASES[1],
      costVersusPhase: "above",
    });
    expect(evaluate(input(10_000)).growth).toMatchObject({ phase: GROWTH_PHASES[1], costVersusPhase: "within" });
    expect(evaluate(input(100_000)).growth).toMatchObject({ phase: GROWTH_PHASES[2], costVersusPhase: "below" });
    expect(evaluateCostScenario({ ...REFERENCE_COST_SCENARIO, users: 2_000_000 }).growth).toMatchObject({
      phase: GROWTH_PHASES[3],
      costVersusPhase: "below",
    });
  });
});
