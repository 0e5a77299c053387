import { describe, expect, it } from "vitest";
import { projectRegionLoss, type RegionLoadNow } from "./load-projection";
import { REGIONS, type RegionId } from "./regions";

/** Every region active, closed and at the given viewers (0 where not given), at its configured capacity. */
function buildRegions(
  viewers: Partial<Record<RegionId, number>>,
  overrides: Partial<Record<RegionId, Partial<RegionLoadNow>>> = {},
): RegionLoadNow[] {
  return REGIONS.map((config) => ({
    id: config.id,
    active: true,
    circuit: "closed" as const,
    viewers: viewers[config.id] ?? 0,
    capacity: config.capacity,
    ...overrides[config.id],
  }));
}

describe("projectRegionLoss", () => {
  it("sends every viewer to the lowest-latency region when it stays below 85%", () => {
    const projection = projectRegionLoss(buildRegions({ pune: 1_000_000, mumbai: 4_000_000 }), "pune");
    expect(projection).toEqual({
      moving: 1_000_000,
      takers: [{ region: "mumbai", viewers: 1_000_000, utilizationBeforePercent: 50, utilizationAfterPercent: 62.5 }],
      stranded: 0,
    });
  });

  it("fills the nearest region up to 85% and spills the rest to the next in latency order", () => {
    const projection = projectRegionLoss(buildRegions({ pune: 1_000_000, mumbai: 6_500_000, bangalore: 2_000_000 }), "pune");
    expect(projection.takers).toEqual([
      { region: "mumbai", viewers: 300_000, utilizationBeforePercent: 81.25, utilizationAfterPercent: 85 },
      { region: "bangalore", viewers: 700_000, utilizationBeforePercent: 40, utilizationAfterPercent: 54 },
    ]);
    expect(projection.stranded).toBe(0);
  });

  it("skips regions that are failed over or whose breaker is open", () => {
    const regions = buildRegions({ pune: 500_000 }, { mumbai: { active: false }, bangalore: { circuit: "open" } });
    expect(projectRegionLoss(regions, "pune").takers.map((shift) => shift.region)).toEqual(["hyderabad"]);
  });

  it("gives what nobody has room for to the least-utilised active region, as routing does", () => {
    const full = { mumbai: 7_000_000, delhi: 5_400_000, bangalore: 4_300_000, hyderabad: 2_700_000, kolkata: 1_760_000 };
    const projection = projectRegionLoss(buildRegions({ pune: 100_000, ...full }), "pune");
    expect(projection.takers).toEqual([
      { region: "bangalore", viewers: 100_000, utilizationBeforePercent: 86, utilizationAfterPercent: 88 },
    ]);
  });

  it("strands the viewers when no other region is active", () => {
    const inactive = { active: false };
    const regions = buildRegions(
      { pune: 42 },
      { mumbai: inactive, delhi: inactive, bangalore: inactive, hyderabad: inactive, kolkata: inactive },
    );
    expect(projectRegionLoss(regions, "pune")).toEqual({ moving: 42, takers: [], stranded: 42 });
  });

  it("moves nothing from a region without viewers", () => {
    expect(projectRegionLoss(buildRegions({ mumbai: 10 }), "kolkata")).toEqual({ moving: 0, takers: [], stranded: 0 });
  });

  it("under load_balanced sends the viewers to the least-utilised region, not the nearest", () => {
    const sixtyPercent = { mumbai: 4_800_000, delhi: 3_600_000, bangalore: 3_000_000, hyderabad: 1_800_000 };
    const projection = projectRegionLoss(buildRegions({ pune: 100_000, kolkata: 200_000, ...sixtyPercent }), "pune", "load_balanced");
    expect(projection).toEqual({
      moving: 100_000,
      takers: [{ region: "kolkata", viewers: 100_000, utilizationBeforePercent: 10, utilizationAfterPercent: 15 }],
      stranded: 0,
    });
  });

  it("under load_balanced levels the emptiest regions against each other, by capacity", () => {
    const sixtyPercent = { mumbai: 4_800_000, delhi: 3_600_000, bangalore: 3_000_000 };
    const projection = projectRegionLoss(buildRegions({ pune: 500_000, ...sixtyPercent }), "pune", "priority");
    expect(projection.takers.map((shift) => shift.region)).toEqual(["hyderabad", "kolkata"]);
    expect(projection.takers.reduce((sum, shift) => sum + shift.viewers, 0)).toBe(500_000);
    for (const shift of projection.takers) expect(shift.utilizationAfterPercent).toBeCloseTo(10, 0);
  });

  it("under load_balanced skips open breakers while a closed region can take the load", () => {
    const regions = buildRegions(
      { pune: 1000, mumbai: 4_000_000 },
      { kolkata: { circuit: "open" }, hyderabad: { active: false }, bangalore: { circuit: "open" }, delhi: { circuit: "open" } },
    );
    expect(projectRegionLoss(regions, "pune", "load_balanced").takers.map((shift) => shift.region)).toEqual(["mumbai"]);
  });
});
