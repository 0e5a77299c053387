import { describe, expect, it } from "vitest";
import { evaluateCostScenario } from "@/core/cost/evaluate-cost-scenario";
import { REFERENCE_COST_SCENARIO, costScenarioSchema } from "@/core/cost/cost-scenario";
import { buildCostChartRows, computeNiceTicks } from "./cost-chart-data";

describe("buildCostChartRows", () => {
  it("pairs each region's cost now with its optimised cost, and says where an optimised workload runs", () => {
    const result = evaluateCostScenario(REFERENCE_COST_SCENARIO);
    const rows = buildCostChartRows([
      { label: "Now", muted: false, regions: result.current.regions },
      { label: "Optimised", muted: true, regions: result.combined.regions },
    ]);
    expect(rows.map((row) => [row.key, row.compute, row.storage, row.network, row.kafka, row.total, row.runsIn])).toEqual([
      ["mumbai:Now", 28_800, 750, 800, 1_000, 31_350, null],
      ["mumbai:Optimised", 17_010, 390, 490, 800, 18_690, "bangalore"],
      ["bangalore:Now", 15_120, 390, 420, 480, 16_410, null],
      ["bangalore:Optimised", 11_832, 225, 294, 480, 12_831, "hyderabad"],
    ]);
    expect(rows.map((row) => row.muted)).toEqual([false, true, false, true]);
  });

  it("orders regions as the registry does and gives a region one scenario lacks zero there", () => {
    const a = evaluateCostScenario(REFERENCE_COST_SCENARIO);
    const b = evaluateCostScenario(
      costScenarioSchema.parse({
        regions: [{ region: "delhi", fleet: { type: "fixed", instances: 1 }, storageGb: 0, networkGb: 0, partitions: 0 }],
      }),
    );
    const rows = buildCostChartRows([
      { label: "A", muted: false, regions: a.current.regions },
      { label: "B", muted: true, regions: b.current.regions },
    ]);
    expect(rows.map((row) => [row.key, row.total])).toEqual([
      ["mumbai:A", 31_350],
      ["mumbai:B", 0],
      ["delhi:A", 0],
      ["delhi:B", 5_400],
      ["bangalore:A", 16_410],
      ["bangalore:B", 0],
    ]);
  });
});

describe("computeNiceTicks", () => {
  it.each([
    [31_350, [0, 10_000, 20_000, 30_000, 40_000]],
    [37_110, [0, 10_000, 20_000, 30_000, 40_000]],
    [16_410, [0, 5_000, 10_000, 15_000, 20_000]],
    [8_000, [0, 2_000, 4_000, 6_000, 8_000]],
    [900, [0, 250, 500, 750, 1_000]],
    [0, [0, 1]],
  ])("gives round steps up to %d", (max, ticks) => {
    expect(computeNiceTicks(max)).toEqual(ticks);
  });
});
