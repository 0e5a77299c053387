import { describe, expect, it } from "vitest";
import { FlowTally } from "./flow-tally";

describe("FlowTally", () => {
  it("counts events and error events by the viewers' home and the region that took them", () => {
    const tally = new FlowTally();
    tally.count("pune", "pune", false);
    tally.count("pune", "mumbai", true);
    tally.count("pune", "mumbai", false);
    tally.count("delhi", "mumbai", true);
    tally.count("mumbai", "mumbai", false);
    expect(tally.between("pune", "mumbai")).toEqual({ events: 2, errors: 1, errorRatePercent: 50 });
    expect(tally.between("pune", "pune")).toEqual({ events: 1, errors: 0, errorRatePercent: 0 });
    expect(tally.spilledInto("mumbai")).toEqual({ events: 3, errors: 2, errorRatePercent: (2 / 3) * 100 });
    expect(tally.spilledOutOf("pune")).toEqual({ events: 2, errors: 1, errorRatePercent: 50 });
    expect(tally.sourcesOf("mumbai")).toEqual(["delhi", "pune"]);
    expect(tally.sourcesOf("pune")).toEqual([]);
  });

  it("reads 0% without events and starts afresh after a reset", () => {
    const tally = new FlowTally();
    expect(tally.spilledInto("kolkata")).toEqual({ events: 0, errors: 0, errorRatePercent: 0 });
    tally.count("pune", "mumbai", true);
    tally.reset();
    expect(tally.spilledOutOf("pune")).toEqual({ events: 0, errors: 0, errorRatePercent: 0 });
  });
});
