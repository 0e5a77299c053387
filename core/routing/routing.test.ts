import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { CIRCUIT_STATES } from "./circuit-breaker";
import { REGION_IDS, type RegionId } from "./regions";
import {
  ROUTING_STRATEGIES,
  computeUtilizationPercent,
  describeSpillover,
  hasUtilizationWarning,
  listSpilloverCandidates,
  needsSpillover,
  rankSpilloverCandidates,
  routeEvent,
  selectHomeRegion,
  selectLeastLoadedRegion,
  selectTargetRegion,
  spilloverReasonOf,
  type RegionLoad,
  type RegionLoads,
} from "./routing";

/** Every region active, 50% utilised, circuit closed, with the given overrides. */
function loadsWith(overrides: Partial<Record<RegionId, Partial<RegionLoad>>> = {}): RegionLoads {
  const loads = {} as Record<RegionId, RegionLoad>;
  for (const id of REGION_IDS) loads[id] = { active: true, utilizationPercent: 50, circuit: "closed", ...overrides[id] };
  return loads;
}

const EVENT = { location: "mumbai" };

describe("computeUtilizationPercent", () => {
  it("divides concurrent viewers by capacity", () => {
    expect(computeUtilizationPercent(6_800_000, 8_000_000)).toBe(85);
    expect(computeUtilizationPercent(0, 8_000_000)).toBe(0);
  });

  it("treats a region with no capacity as full", () => {
    expect(computeUtilizationPercent(10, 0)).toBe(100);
  });
});

describe("hasUtilizationWarning", () => {
  it.each([
    [79.99, false],
    [80, false],
    [80.01, true],
  ])("at %s%% → %s", (utilization, warning) => {
    expect(hasUtilizationWarning(utilization)).toBe(warning);
  });
});

describe("spillover candidate order", () => {
  it("tries the other regions by ascending latency", () => {
    expect(listSpilloverCandidates("mumbai")).toEqual(["pune", "bangalore", "hyderabad", "delhi", "kolkata"]);
    expect(listSpilloverCandidates("delhi")).toEqual(["kolkata", "mumbai", "pune", "hyderabad", "bangalore"]);
    expect(listSpilloverCandidates("hyderabad")).toEqual(["bangalore", "pune", "mumbai", "kolkata", "delhi"]);
  });

  it("breaks latency ties by registry order", () => {
    const flat = (a: RegionId, b: RegionId) => (a === b ? 0 : b === "kolkata" ? 10 : 50);
    expect(rankSpilloverCandidates("pune", flat)).toEqual(["kolkata", "mumbai", "delhi", "bangalore", "hyderabad"]);
  });
});

describe("selectHomeRegion", () => {
  it("proximity: maps the city, unknown cities to mumbai", () => {
    expect(selectHomeRegion({ location: "Noida" }, "proximity", loadsWith())).toBe("delhi");
    expect(selectHomeRegion({ location: "jaipur" }, "proximity", loadsWith())).toBe("mumbai");
  });

  it("load_balanced: picks the least-utilised active region", () => {
    const loads = loadsWith({ hyderabad: { utilizationPercent: 10 }, pune: { utilizationPercent: 10.01 } });
    expect(selectHomeRegion(EVENT, "load_balanced", loads)).toBe("hyderabad");
  });

  it("load_balanced: breaks ties by registry order", () => {
    const loads = loadsWith({ kolkata: { utilizationPercent: 5 }, delhi: { utilizationPercent: 5 } });
    expect(selectHomeRegion(EVENT, "load_balanced", loads)).toBe("delhi");
  });

  it("load_balanced: skips inactive regions however idle", () => {
    const loads = loadsWith({ pune: { active: false, utilizationPercent: 0 }, kolkata: { utilizationPercent: 20 } });
    expect(selectHomeRegion(EVENT, "load_balanced", loads)).toBe("kolkata");
  });

  it("load_balanced: with no active region, falls back to the event's city region", () => {
    const loads = loadsWith(Object.fromEntries(REGION_IDS.map((id) => [id, { active: false }])));
    expect(selectLeastLoadedRegion(loads, "delhi")).toBe("delhi");
    expect(selectHomeRegion({ location: "kolkata" }, "load_balanced", loads)).toBe("kolkata");
  });

  it("priority: priority 3 goes to mumbai even when mumbai is the busiest", () => {
    const loads = loadsWith({ mumbai: { utilizationPercent: 70 }, pune: { utilizationPercent: 1 } });
    expect(selectHomeRegion({ location: "delhi", priority: 1 }, "priority", loads)).toBe("mumbai");
    expect(selectHomeRegion({ location: "delhi", priority: 3 }, "priority", loads)).toBe("mumbai");
  });

  it("priority: priority 4 and the default 5 are load balanced", () => {
    const loads = loadsWith({ mumbai: { utilizationPercent: 70 }, pune: { utilizationPercent: 1 } });
    expect(selectHomeRegion({ location: "delhi", priority: 4 }, "priority", loads)).toBe("pune");
    expect(selectHomeRegion({ location: "delhi" }, "priority", loads)).toBe("pune");
  });

  it("priority: the best region is configurable", () => {
    expect(selectHomeRegion({ location: "delhi", priority: 2 }, "priority", loadsWith(), "bangalore")).toBe("bangalore");
  });

  it("content_type: uses the configured map", () => {
    expect(selectHomeRegion({ location: "delhi", contentType: "highlights" }, "content_type", loadsWith())).toBe("bangalore");
    expect(selectHomeRegion({ location: "delhi", contentType: "ad" }, "content_type", loadsWith())).toBe("hyderabad");
  });

  it("content_type: falls back to proximity for an unmapped or missing content type", () => {
    expect(selectHomeRegion({ location: "delhi", contentType: "documentary" }, "content_type", loadsWith())).toBe("delhi");
    expect(selectHomeRegion({ location: "pune" }, "content_type", loadsWith())).toBe("pune");
  });
});

describe("spilloverReasonOf / needsSpillover", () => {
  it.each([
    [{ active: true, utilizationPercent: 85, circuit: "closed" }, null],
    [{ active: true, utilizationPercent: 85.01, circuit: "closed" }, "over_capacity"],
    [{ active: true, utilizationPercent: 10, circuit: "open" }, "circuit_open"],
    [{ active: true, utilizationPercent: 10, circuit: "half_open" }, null],
    [{ active: false, utilizationPercent: 10, circuit: "closed" }, "inactive"],
    [{ active: false, utilizationPercent: 99, circuit: "open" }, "inactive"],
    [{ active: true, utilizationPercent: 99, circuit: "open" }, "circuit_open"],
  ] as const)("%o → %s", (load, reason) => {
    expect(spilloverReasonOf(load)).toBe(reason);
    expect(needsSpillover(load)).toBe(reason !== null);
  });
});

describe("selectTargetRegion (spillover)", () => {
  it("keeps a region at exactly 85% and just below", () => {
    expect(selectTargetRegion("mumbai", loadsWith({ mumbai: { utilizationPercent: 85 } }))).toBe("mumbai");
    expect(selectTargetRegion("mumbai", loadsWith({ mumbai: { utilizationPercent: 84.99 } }))).toBe("mumbai");
  });

  it("spills a region just above 85% to the lowest-latency region (mumbai → pune, 15 ms)", () => {
    expect(selectTargetRegion("mumbai", loadsWith({ mumbai: { utilizationPercent: 85.01 } }))).toBe("pune");
  });

  it("needs the target strictly below 85%: a target at 85% is skipped, at 84.99% taken", () => {
    const at = loadsWith({ mumbai: { utilizationPercent: 95 }, pune: { utilizationPercent: 85 } });
    expect(selectTargetRegion("mumbai", at)).toBe("bangalore");
    const below = loadsWith({ mumbai: { utilizationPercent: 95 }, pune: { utilizationPercent: 84.99 } });
    expect(selectTargetRegion("mumbai", below)).toBe("pune");
  });

  it("skips inactive and open-circuit candidates but accepts a half_open one", () => {
    const loads = loadsWith({
      mumbai: { utilizationPercent: 95 },
      pune: { active: false },
      bangalore: { circuit: "open" },
      hyderabad: { circuit: "half_open" },
    });
    expect(selectTargetRegion("mumbai", loads)).toBe("hyderabad");
  });

  it("spills an inactive home even when it has room", () => {
    expect(selectTargetRegion("delhi", loadsWith({ delhi: { active: false, utilizationPercent: 0 } }))).toBe("kolkata");
  });

  it("spills a home whose circuit is open, but not one that is half_open", () => {
    expect(selectTargetRegion("delhi", loadsWith({ delhi: { circuit: "open" } }))).toBe("kolkata");
    expect(selectTargetRegion("delhi", loadsWith({ delhi: { circuit: "half_open" } }))).toBe("delhi");
  });

  it("keeps an over-capacity home when no other region qualifies", () => {
    const loads = loadsWith(Object.fromEntries(REGION_IDS.map((id) => [id, { utilizationPercent: 90 }])));
    expect(selectTargetRegion("bangalore", loads)).toBe("bangalore");
  });

  it("with nothing qualifying and the home open, goes to the least-utilised active non-open region", () => {
    const loads = loadsWith({
      mumbai: { circuit: "open", utilizationPercent: 10 },
      delhi: { utilizationPercent: 95 },
      bangalore: { utilizationPercent: 91 },
      hyderabad: { utilizationPercent: 90 },
      pune: { active: false, utilizationPercent: 0 },
      kolkata: { circuit: "open", utilizationPercent: 5 },
    });
    expect(selectTargetRegion("mumbai", loads)).toBe("hyderabad");
  });

  it("with every active region open, goes to the least-utilised active region rather than drop", () => {
    const loads = loadsWith({
      mumbai: { active: false },
      delhi: { circuit: "open", utilizationPercent: 40 },
      bangalore: { circuit: "open", utilizationPercent: 30 },
      hyderabad: { active: false },
      pune: { active: false },
      kolkata: { circuit: "open", utilizationPercent: 30 },
    });
    expect(selectTargetRegion("mumbai", loads)).toBe("bangalore");
  });

  it("with no active region at all, keeps the event at home (queued, never dropped)", () => {
    const loads = loadsWith(Object.fromEntries(REGION_IDS.map((id) => [id, { active: false }])));
    expect(selectTargetRegion("hyderabad", loads)).toBe("hyderabad");
  });
});

describe("routeEvent", () => {
  it("returns the home with a null reason when the event stays home", () => {
    expect(routeEvent({ location: "delhi" }, "proximity", loadsWith())).toEqual({ region: "delhi", home: "delhi", reason: null });
  });

  it.each([
    [{ active: false }, "inactive"],
    [{ circuit: "open" }, "circuit_open"],
    [{ utilizationPercent: 85.01 }, "over_capacity"],
    [{ active: false, circuit: "open", utilizationPercent: 99 }, "inactive"],
  ] as const)("names why the event left home: %o → %s", (mumbai, reason) => {
    expect(routeEvent({ location: "mumbai" }, "proximity", loadsWith({ mumbai }))).toEqual({
      region: "pune",
      home: "mumbai",
      reason,
    });
  });

  it("reports no reason when an over-capacity home keeps the event", () => {
    const loads = loadsWith(Object.fromEntries(REGION_IDS.map((id) => [id, { utilizationPercent: 86 }])));
    expect(routeEvent({ location: "mumbai" }, "proximity", loads)).toEqual({ region: "mumbai", home: "mumbai", reason: null });
    expect(describeSpillover("mumbai", "mumbai", loads)).toBeNull();
  });

  it("spills a priority event off a full mumbai", () => {
    const loads = loadsWith({ mumbai: { utilizationPercent: 90 } });
    expect(routeEvent({ location: "delhi", priority: 1 }, "priority", loads)).toEqual({
      region: "pune",
      home: "mumbai",
      reason: "over_capacity",
    });
  });
});

const loadArbitrary: fc.Arbitrary<RegionLoad> = fc.record({
  active: fc.boolean(),
  utilizationPercent: fc.oneof(fc.double({ min: 0, max: 150, noNaN: true }), fc.constantFrom(0, 80, 84.99, 85, 85.01, 100)),
  circuit: fc.constantFrom(...CIRCUIT_STATES),
});

const loadsArbitrary: fc.Arbitrary<RegionLoads> = fc
  .tuple(...REGION_IDS.map(() => loadArbitrary))
  .map((values) => Object.fromEntries(REGION_IDS.map((id, i) => [id, values[i]])) as Record<RegionId, RegionLoad>);

const eventArbitrary = fc.record({
  location: fc.oneof(fc.constantFrom("mumbai", "Delhi", "pune", "kolkata", "mysore", "jaipur"), fc.string()),
  priority: fc.option(fc.integer({ min: 1, max: 10 }), { nil: undefined }),
  contentType: fc.option(fc.oneof(fc.constantFrom("live_match", "highlights", "ad"), fc.string()), { nil: undefined }),
});

describe("routeEvent properties", () => {
  it("always routes to some region, and to an active one whenever one exists", () => {
    fc.assert(
      fc.property(eventArbitrary, fc.constantFrom(...ROUTING_STRATEGIES), loadsArbitrary, (event, strategy, loads) => {
        const decision = routeEvent(event, strategy, loads);
        expect(REGION_IDS).toContain(decision.region);
        expect(REGION_IDS).toContain(decision.home);
        if (REGION_IDS.some((id) => loads[id].active)) expect(loads[decision.region].active).toBe(true);
      }),
      { numRuns: 2000 },
    );
  });

  it("never picks an inactive region or an open circuit while an active non-open region exists", () => {
    fc.assert(
      fc.property(eventArbitrary, fc.constantFrom(...ROUTING_STRATEGIES), loadsArbitrary, (event, strategy, loads) => {
        fc.pre(REGION_IDS.some((id) => loads[id].active && loads[id].circuit !== "open"));
        const { region } = routeEvent(event, strategy, loads);
        expect(loads[region].active).toBe(true);
        expect(loads[region].circuit).not.toBe("open");
      }),
      { numRuns: 2000 },
    );
  });

  it("leaves home only when home needs spillover, and then says why", () => {
    fc.assert(
      fc.property(eventArbitrary, fc.constantFrom(...ROUTING_STRATEGIES), loadsArbitrary, (event, strategy, loads) => {
        const decision = routeEvent(event, strategy, loads);
        if (decision.region === decision.home) expect(decision.reason).toBeNull();
        else {
          expect(needsSpillover(loads[decision.home])).toBe(true);
          expect(decision.reason).toBe(spilloverReasonOf(loads[decision.home]));
        }
      }),
      { numRuns: 2000 },
    );
  });

  it("spills to the lowest-latency qualifying region whenever one exists", () => {
    fc.assert(
      fc.property(eventArbitrary, fc.constantFrom(...ROUTING_STRATEGIES), loadsArbitrary, (event, strategy, loads) => {
        const decision = routeEvent(event, strategy, loads);
        fc.pre(needsSpillover(loads[decision.home]));
        const qualifying = listSpilloverCandidates(decision.home).filter(
          (id) => loads[id].active && loads[id].circuit !== "open" && loads[id].utilizationPercent < 85,
        );
        fc.pre(qualifying.length > 0);
        expect(decision.region).toBe(qualifying[0]);
      }),
      { numRuns: 2000 },
    );
  });
});
