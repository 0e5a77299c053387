import { describe, expect, it } from "vitest";
import {
  CONTENT_TYPE_ROUTES,
  LATENCY_LINKS,
  PRIORITY_REGION,
  REGIONS,
  REGION_IDS,
  REPLICATED_FROM_HEADER,
  REPLICATION_LINKS,
  getRegionConfig,
  getRegionCostRates,
  getRegionPosition,
  isRegionId,
  latencyBetweenRegions,
  routeCityToRegion,
  routeContentTypeToRegion,
} from "./regions";

describe("routeCityToRegion", () => {
  it.each([
    ["mumbai", "mumbai"],
    ["Nashik", "mumbai"],
    ["DELHI", "delhi"],
    ["gurgaon", "delhi"],
    ["noida", "delhi"],
    ["Bangalore", "bangalore"],
    ["mysore", "bangalore"],
    ["mangalore", "bangalore"],
    ["hyderabad", "hyderabad"],
    ["Vijayawada", "hyderabad"],
    ["pune", "pune"],
    ["kolkata", "kolkata"],
    ["bhubaneswar", "kolkata"],
    ["  Pune  ", "pune"],
  ])("routes %s to %s", (city, region) => {
    expect(routeCityToRegion(city)).toBe(region);
  });

  it("sends unknown cities to mumbai", () => {
    expect(routeCityToRegion("jaipur")).toBe("mumbai");
    expect(routeCityToRegion("")).toBe("mumbai");
  });
});

describe("region registry", () => {
  it("has the capacities of SPEC section 2", () => {
    expect(REGIONS.map((r) => [r.id, r.capacity])).toEqual([
      ["mumbai", 8_000_000],
      ["delhi", 6_000_000],
      ["bangalore", 5_000_000],
      ["hyderabad", 3_000_000],
      ["pune", 2_500_000],
      ["kolkata", 2_000_000],
    ]);
  });

  it("configures exactly one latency link per pair of regions, source figures not marked as estimates", () => {
    const pairs = LATENCY_LINKS.map((l) => [l.a, l.b].sort().join("-"));
    expect(new Set(pairs).size).toBe(pairs.length);
    expect(pairs.length).toBe((REGION_IDS.length * (REGION_IDS.length - 1)) / 2);
    expect(LATENCY_LINKS.filter((l) => !l.estimate).map((l) => l.ms)).toEqual([80, 45, 60, 15, 100, 90, 35]);
  });

  it("recognises region ids", () => {
    expect(isRegionId("pune")).toBe(true);
    expect(isRegionId("all")).toBe(false);
  });
});

describe("region cost rates", () => {
  it("has SPEC section 6's rates for mumbai, delhi and bangalore, not marked as estimates", () => {
    expect(getRegionCostRates("mumbai")).toEqual({
      computePerInstanceHour: 8.0,
      storagePerGbMonth: 1.5,
      networkPerGb: 0.8,
      kafkaPerPartitionMonth: 50,
      estimate: false,
    });
    expect(getRegionCostRates("delhi")).toEqual({
      computePerInstanceHour: 7.5,
      storagePerGbMonth: 1.4,
      networkPerGb: 0.75,
      kafkaPerPartitionMonth: 45,
      estimate: false,
    });
    expect(getRegionCostRates("bangalore")).toEqual({
      computePerInstanceHour: 7.0,
      storagePerGbMonth: 1.3,
      networkPerGb: 0.7,
      kafkaPerPartitionMonth: 40,
      estimate: false,
    });
  });

  it("marks the configured rates of hyderabad, pune and kolkata as estimates, each rate positive", () => {
    for (const id of ["hyderabad", "pune", "kolkata"] as const) {
      const rates = getRegionCostRates(id);
      expect(rates.estimate).toBe(true);
      expect(rates.computePerInstanceHour).toBeGreaterThan(0);
      expect(rates.storagePerGbMonth).toBeGreaterThan(0);
      expect(rates.networkPerGb).toBeGreaterThan(0);
      expect(rates.kafkaPerPartitionMonth).toBeGreaterThan(0);
    }
    expect(REGIONS.filter((r) => r.costRates.estimate).map((r) => r.id)).toEqual(["hyderabad", "pune", "kolkata"]);
  });

  it("keeps the rates in the one registry entry of each region", () => {
    expect(getRegionConfig("pune").costRates).toBe(getRegionCostRates("pune"));
    expect(getRegionConfig("kolkata").capacity).toBe(2_000_000);
  });
});

describe("latencyBetweenRegions", () => {
  it("is 0 from a region to itself", () => {
    for (const id of REGION_IDS) expect(latencyBetweenRegions(id, id)).toBe(0);
  });

  it.each([
    ["mumbai", "delhi", 80],
    ["mumbai", "bangalore", 45],
    ["mumbai", "hyderabad", 60],
    ["mumbai", "pune", 15],
    ["delhi", "bangalore", 100],
    ["delhi", "hyderabad", 90],
    ["bangalore", "hyderabad", 35],
  ] as const)("gives the source's %s–%s figure (%i ms) in both directions", (a, b, ms) => {
    expect(latencyBetweenRegions(a, b)).toBe(ms);
    expect(latencyBetweenRegions(b, a)).toBe(ms);
  });

  it("matches every configured link, either way round, and is finite for every pair", () => {
    for (const link of LATENCY_LINKS) {
      expect(latencyBetweenRegions(link.a, link.b)).toBe(link.ms);
      expect(latencyBetweenRegions(link.b, link.a)).toBe(link.ms);
    }
    for (const a of REGION_IDS) for (const b of REGION_IDS) expect(Number.isFinite(latencyBetweenRegions(a, b))).toBe(true);
  });

  it("gives the configured estimate for a pair the source omits", () => {
    expect(latencyBetweenRegions("kolkata", "pune")).toBe(95);
    expect(LATENCY_LINKS.find((l) => l.a === "pune" && l.b === "kolkata")?.estimate).toBe(true);
  });
});

describe("getRegionPosition", () => {
  it("numbers regions in registry order", () => {
    expect(REGION_IDS.map(getRegionPosition)).toEqual([0, 1, 2, 3, 4, 5]);
  });
});

describe("REPLICATION_LINKS", () => {
  it("has the source's chain and a full backup into mumbai from every other region", () => {
    expect(REPLICATION_LINKS).toEqual([
      { from: "mumbai", to: "delhi", kind: "chain" },
      { from: "delhi", to: "bangalore", kind: "chain" },
      { from: "bangalore", to: "hyderabad", kind: "chain" },
      { from: "delhi", to: "mumbai", kind: "backup" },
      { from: "bangalore", to: "mumbai", kind: "backup" },
      { from: "hyderabad", to: "mumbai", kind: "backup" },
      { from: "pune", to: "mumbai", kind: "backup" },
      { from: "kolkata", to: "mumbai", kind: "backup" },
    ]);
  });

  it("never replicates a region into itself", () => {
    expect(REPLICATION_LINKS.filter((l) => l.from === l.to)).toEqual([]);
  });

  it("names the replicated_from header", () => {
    expect(REPLICATED_FROM_HEADER).toBe("replicated_from");
  });
});

describe("routeContentTypeToRegion", () => {
  it.each([
    ["live_match", "mumbai"],
    ["highlights", "bangalore"],
    ["ad", "hyderabad"],
    ["  LIVE_MATCH ", "mumbai"],
    ["Highlights", "bangalore"],
  ] as const)("routes %s to %s", (contentType, region) => {
    expect(routeContentTypeToRegion(contentType)).toBe(region);
  });

  it("returns null for a content type nobody configured", () => {
    expect(routeContentTypeToRegion("documentary")).toBeNull();
    expect(routeContentTypeToRegion("")).toBeNull();
  });

  it("marks every content route as a configured default", () => {
    expect(CONTENT_TYPE_ROUTES.every((route) => route.configuredDefault)).toBe(true);
  });
});

describe("PRIORITY_REGION", () => {
  it("sends high-priority events to mumbai by default", () => {
    expect(PRIORITY_REGION).toBe("mumbai");
  });
});
