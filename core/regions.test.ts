import { describe, expect, it } from "vitest";
import { LATENCY_LINKS, REGIONS, REGION_IDS, isRegionId, routeCityToRegion } from "./regions";

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
