import { describe, expect, it } from "vitest";
import { isFailbackHoldOver, isLastActiveRegion, refuseManualFailback, refuseManualFailover } from "./failover-guards";
import type { RegionId } from "./regions";

const T0 = 1_764_000_000_000;
const activeOnly =
  (...ids: RegionId[]) =>
  (region: RegionId) =>
    ids.includes(region);

describe("the last active region", () => {
  it("is the region every other one is out of routing for, and only then", () => {
    expect([
      isLastActiveRegion("kolkata", activeOnly("kolkata")),
      isLastActiveRegion("kolkata", activeOnly("kolkata", "pune")),
      isLastActiveRegion("kolkata", activeOnly()),
      isLastActiveRegion("kolkata", activeOnly("mumbai", "delhi", "bangalore", "hyderabad", "pune", "kolkata")),
    ]).toEqual([true, false, true, false]);
  });
});

describe("the failback hold", () => {
  it("is over once the hold has passed since the automatic failover, not a millisecond before", () => {
    expect([isFailbackHoldOver(T0, T0 + 59_999, 60_000), isFailbackHoldOver(T0, T0 + 60_000, 60_000)]).toEqual([false, true]);
  });

  it("counts an unknown failover time as now: over only without a hold", () => {
    expect([isFailbackHoldOver(null, T0, 60_000), isFailbackHoldOver(null, T0, 0)]).toEqual([false, true]);
  });
});

describe("manual failover and failback", () => {
  it("refuses to fail over a region that is out already, saying by whom", () => {
    expect([
      refuseManualFailover("pune", { active: false, failedOverBy: "manual" }, activeOnly("mumbai")),
      refuseManualFailover("pune", { active: false, failedOverBy: "automatic" }, activeOnly("mumbai")),
      refuseManualFailover("pune", { active: false, failedOverBy: null }, activeOnly("mumbai")),
    ]).toEqual([
      "Pune is already failed over (manual).",
      "Pune is already failed over (automatic).",
      "Pune is already failed over (manual).",
    ]);
  });

  it("refuses to fail over the last active region and allows any other", () => {
    expect([
      refuseManualFailover("kolkata", { active: true, failedOverBy: null }, activeOnly("kolkata")),
      refuseManualFailover("kolkata", { active: true, failedOverBy: null }, activeOnly("kolkata", "delhi")),
    ]).toEqual(["Kolkata is the last active region; failing it over would leave nowhere to route.", null]);
  });

  it("refuses to fail back an active region and allows a failed-over one", () => {
    expect([refuseManualFailback("delhi", true), refuseManualFailback("delhi", false)]).toEqual([
      "Delhi is active already; nothing to fail back.",
      null,
    ]);
  });
});
