import { describe, expect, it } from "vitest";
import {
  DEFAULT_TRAFFIC_PATTERN,
  REFERENCE_COST_SCENARIO,
  buildTrafficPattern,
  costScenarioSchema,
  parseCostScenario,
} from "./cost-scenario";

const mumbai = { region: "mumbai", fleet: { type: "fixed", instances: 5 }, storageGb: 500, networkGb: 1_000, partitions: 20 };

/** The errors of an invalid scenario, or a failure if it parsed. */
function errorsOf(raw: unknown) {
  const result = parseCostScenario(raw);
  if (result.ok) throw new Error("expected the scenario to be rejected");
  return result.errors;
}

describe("traffic pattern", () => {
  it("expands SPEC section 6's windows hour by hour, wrapping 23–07 across midnight", () => {
    // hour:       0    1    2    3    4    5    6    7    8    9   10   11   12   13   14  15  16 17 18 19 20 21 22  23
    expect(DEFAULT_TRAFFIC_PATTERN).toEqual([
      0.3, 0.3, 0.3, 0.3, 0.3, 0.3, 0.3, 0.3, 2.5, 2.5, 2.5, 2.5, 1.8, 1.8, 1.8, 1, 1, 3, 3, 3, 3, 3, 3, 0.3,
    ]);
  });

  it("gives the night multiplier on both sides of midnight (the source's 23→7 never matched)", () => {
    expect([23, 0, 3, 7].map((hour) => DEFAULT_TRAFFIC_PATTERN[hour])).toEqual([0.3, 0.3, 0.3, 0.3]);
    expect([8, 22].map((hour) => DEFAULT_TRAFFIC_PATTERN[hour])).toEqual([2.5, 3]);
  });

  it("wraps any window whose start is after its end, and a one-hour window covers one hour", () => {
    const pattern = buildTrafficPattern([
      { start: 22, end: 1, multiplier: 5 },
      { start: 12, end: 12, multiplier: 2 },
    ]);
    expect(pattern.map((m, hour) => (m === 1 ? null : [hour, m])).filter(Boolean)).toEqual([
      [0, 5],
      [1, 5],
      [12, 2],
      [22, 5],
      [23, 5],
    ]);
  });

  it("refuses hours outside 0–23", () => {
    expect(() => buildTrafficPattern([{ start: 22, end: 24, multiplier: 2 }])).toThrow("hours must be whole numbers 0–23");
  });
});

describe("costScenarioSchema defaults", () => {
  it("completes the issue's minimum scenario with SPEC section 6's defaults", () => {
    const scenario = costScenarioSchema.parse({ budgetInr: 150_000, regions: [mumbai] });
    expect(scenario).toEqual({
      name: "Untitled scenario",
      budgetInr: 150_000,
      regions: [{ ...mumbai, peakEventsPerSecond: 0 }],
      trafficPattern: [...DEFAULT_TRAFFIC_PATTERN],
      latencyBoundMs: 50,
      networkCompressionRatio: 0.7,
    });
  });

  it("defaults the budget to ₹2,00,000", () => {
    expect(costScenarioSchema.parse({ regions: [mumbai] }).budgetInr).toBe(200_000);
  });

  it("holds the reference scenario of the source: mumbai 5 × 500 GB / 1,000 GB / 20, bangalore 3 × 300 / 600 / 12", () => {
    expect(REFERENCE_COST_SCENARIO.name).toBe("Startup on two regions");
    expect(REFERENCE_COST_SCENARIO.budgetInr).toBe(200_000);
    expect(REFERENCE_COST_SCENARIO.regions).toEqual([
      {
        region: "mumbai",
        fleet: { type: "fixed", instances: 5 },
        storageGb: 500,
        networkGb: 1_000,
        partitions: 20,
        peakEventsPerSecond: 0,
      },
      {
        region: "bangalore",
        fleet: { type: "fixed", instances: 3 },
        storageGb: 300,
        networkGb: 600,
        partitions: 12,
        peakEventsPerSecond: 0,
      },
    ]);
    expect(parseCostScenario(REFERENCE_COST_SCENARIO)).toEqual({ ok: true, scenario: REFERENCE_COST_SCENARIO });
  });

  it("keeps partial rate overrides and an autoscaling fleet as given", () => {
    const scenario = costScenarioSchema.parse({
      regions: [
        {
          region: "pune",
          fleet: { type: "autoscale", min: 2, max: 2, eventsPerSecondPerInstance: 1_000 },
          peakEventsPerSecond: 1_500,
          storageGb: 12.5,
          networkGb: 0,
          partitions: 0,
          rates: { computePerInstanceHour: 6.25 },
        },
      ],
      users: 20_000,
    });
    expect(scenario.regions[0]?.rates).toEqual({ computePerInstanceHour: 6.25 });
    expect(scenario.regions[0]?.fleet).toEqual({ type: "autoscale", min: 2, max: 2, eventsPerSecondPerInstance: 1_000 });
    expect(scenario.users).toBe(20_000);
  });
});

describe("parseCostScenario errors", () => {
  it.each([
    [
      "an unknown region",
      { regions: [{ ...mumbai, region: "goa" }] },
      "regions.0.region",
      'unknown region "goa": must be one of mumbai, delhi, bangalore, hyderabad, pune, kolkata',
    ],
    [
      "a duplicate region",
      { regions: [mumbai, { ...mumbai, partitions: 1 }] },
      "regions.1.region",
      "duplicate region mumbai: each region appears once",
    ],
    [
      "min above max",
      { regions: [{ ...mumbai, fleet: { type: "autoscale", min: 5, max: 3, eventsPerSecondPerInstance: 100 } }] },
      "regions.0.fleet.min",
      "must not exceed max (3)",
    ],
    [
      "a fleet type nobody knows",
      { regions: [{ ...mumbai, fleet: { type: "spot", instances: 2 } }] },
      "regions.0.fleet.type",
      'type must be "fixed" or "autoscale"',
    ],
    [
      "zero per-instance capacity",
      { regions: [{ ...mumbai, fleet: { type: "autoscale", min: 1, max: 3, eventsPerSecondPerInstance: 0 } }] },
      "regions.0.fleet.eventsPerSecondPerInstance",
      "must be above 0",
    ],
    [
      "a fixed fleet of no instances",
      { regions: [{ ...mumbai, fleet: { type: "fixed", instances: 0 } }] },
      "regions.0.fleet.instances",
      "must be at least 1",
    ],
    ["negative storage", { regions: [{ ...mumbai, storageGb: -1 }] }, "regions.0.storageGb", "must not be negative"],
    [
      "a missing field",
      { regions: [{ region: "mumbai", fleet: { type: "fixed", instances: 1 }, storageGb: 1, partitions: 1 }] },
      "regions.0.networkGb",
      "is required",
    ],
    ["a text number", { regions: [{ ...mumbai, networkGb: "10" }] }, "regions.0.networkGb", "must be a number"],
    ["fractional partitions", { regions: [{ ...mumbai, partitions: 1.5 }] }, "regions.0.partitions", "must be a whole number"],
    [
      "a negative rate",
      { regions: [{ ...mumbai, rates: { networkPerGb: -0.1 } }] },
      "regions.0.rates.networkPerGb",
      "must not be negative",
    ],
    ["no regions", { regions: [] }, "regions", "must have at least one region"],
    [
      "23 multipliers",
      { regions: [mumbai], trafficPattern: DEFAULT_TRAFFIC_PATTERN.slice(1) },
      "trafficPattern",
      "must have 24 hourly multipliers (hours 0–23 IST)",
    ],
    [
      "a pattern with no traffic",
      { regions: [mumbai], trafficPattern: Array(24).fill(0) },
      "trafficPattern",
      "must have at least one hour above 0 (set peakEventsPerSecond to 0 for no traffic)",
    ],
    [
      "a negative multiplier",
      { regions: [mumbai], trafficPattern: [-1, ...DEFAULT_TRAFFIC_PATTERN.slice(1)] },
      "trafficPattern.0",
      "must not be negative",
    ],
    ["a budget finer than paise", { regions: [mumbai], budgetInr: 10.005 }, "budgetInr", "must be whole paise (at most 2 decimals)"],
    ["a negative budget", { regions: [mumbai], budgetInr: -1 }, "budgetInr", "must not be negative"],
    ["a compression ratio of 0", { regions: [mumbai], networkCompressionRatio: 0 }, "networkCompressionRatio", "must be above 0"],
    ["a compression ratio above 1", { regions: [mumbai], networkCompressionRatio: 1.5 }, "networkCompressionRatio", "must be at most 1"],
    ["a negative latency bound", { regions: [mumbai], latencyBoundMs: -5 }, "latencyBoundMs", "must not be negative"],
    ["an empty name", { regions: [mumbai], name: "  " }, "name", "must not be empty"],
  ])("names the field and the reason for %s", (_case, raw, path, message) => {
    expect(errorsOf(raw)).toEqual([{ path, message }]);
  });

  it("reports every bad field at once, for the form", () => {
    const errors = errorsOf({
      regions: [{ region: "mumbai", fleet: { type: "fixed", instances: 2 }, storageGb: -1, networkGb: -2, partitions: 1 }],
      latencyBoundMs: -1,
    });
    expect(errors.map((error) => error.path)).toEqual(["regions.0.storageGb", "regions.0.networkGb", "latencyBoundMs"]);
  });

  it("rejects a body that is not a scenario, naming the whole body", () => {
    expect(errorsOf(null)).toEqual([{ path: "scenario", message: "must be a scenario object" }]);
    expect(errorsOf({ regions: [3] })).toEqual([{ path: "regions.0", message: "must be a region object" }]);
    expect(errorsOf({ regions: [{ ...mumbai, fleet: undefined }] })).toEqual([{ path: "regions.0.fleet", message: "is required" }]);
  });

  it("accepts min equal to max and a budget of exactly whole paise", () => {
    const result = parseCostScenario({
      budgetInr: 47_759.99,
      regions: [{ ...mumbai, fleet: { type: "autoscale", min: 3, max: 3, eventsPerSecondPerInstance: 100 } }],
    });
    expect(result.ok).toBe(true);
  });
});
