import { describe, expect, it } from "vitest";
import { evaluate } from "./cost-testing";

describe("evaluateCostScenario: edge cases", () => {
  it("runs a zero-traffic autoscaling fleet at its minimum every hour and finds nothing to save", () => {
    // delhi: min 2 all day → 2 × 720 = 1,440 h × ₹7.5 = ₹10,800; nothing stored, moved or partitioned;
    // no region within 50 ms of delhi (nearest kolkata 70 ms), so no move either
    const result = evaluate({
      regions: [
        {
          region: "delhi",
          fleet: { type: "autoscale", min: 2, max: 10, eventsPerSecondPerInstance: 1_000 },
          peakEventsPerSecond: 0,
          storageGb: 0,
          networkGb: 0,
          partitions: 0,
        },
      ],
    });
    expect(result.current.regions).toEqual([
      {
        region: "delhi",
        instanceHours: 1_440,
        computeInr: 10_800,
        storageInr: 0,
        networkInr: 0,
        kafkaInr: 0,
        totalInr: 10_800,
        ratesEstimate: false,
      },
    ]);
    expect(
      result.optimisations.map((optimisation) => [optimisation.strategy, optimisation.savingInr, optimisation.actions.length]),
    ).toEqual([
      ["dynamic_scaling", 0, 0],
      ["regional_placement", 0, 0],
      ["storage_tiering", 0, 0],
      ["network_compression", 0, 0],
    ]);
    expect(result.combined.optimisedInr).toBe(10_800);
    expect(result.recommendations).toEqual([]);
  });
});
