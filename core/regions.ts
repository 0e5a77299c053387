/**
 * The region registry of SPEC section 2: the one place regions, capacities, brokers, city routing
 * and inter-region latency are configured. Figures not given by the source are marked `estimate`.
 */
export const REGION_IDS = ["mumbai", "delhi", "bangalore", "hyderabad", "pune", "kolkata"] as const;
export type RegionId = (typeof REGION_IDS)[number];

export interface RegionConfig {
  id: RegionId;
  name: string;
  /** Concurrent viewers the region is provisioned for. */
  capacity: number;
  /** Kafka brokers in production naming; null where the source gives none. */
  brokers: number | null;
  cities: readonly string[];
}

export const REGIONS: readonly RegionConfig[] = [
  { id: "mumbai", name: "Mumbai", capacity: 8_000_000, brokers: 3, cities: ["mumbai", "nashik"] },
  { id: "delhi", name: "Delhi", capacity: 6_000_000, brokers: 3, cities: ["delhi", "gurgaon", "noida"] },
  { id: "bangalore", name: "Bangalore", capacity: 5_000_000, brokers: 3, cities: ["bangalore", "mysore", "mangalore"] },
  { id: "hyderabad", name: "Hyderabad", capacity: 3_000_000, brokers: 2, cities: ["hyderabad", "vijayawada"] },
  { id: "pune", name: "Pune", capacity: 2_500_000, brokers: null, cities: ["pune"] },
  { id: "kolkata", name: "Kolkata", capacity: 2_000_000, brokers: null, cities: ["kolkata", "bhubaneswar"] },
];

/** Where a city nobody configured goes (SPEC section 2). */
export const DEFAULT_REGION: RegionId = "mumbai";

export interface LatencyLink {
  a: RegionId;
  b: RegionId;
  ms: number;
  estimate: boolean;
}

/** Inter-region latency: the source's figures, and configured estimates for the pairs it omits. */
export const LATENCY_LINKS: readonly LatencyLink[] = [
  { a: "mumbai", b: "delhi", ms: 80, estimate: false },
  { a: "mumbai", b: "bangalore", ms: 45, estimate: false },
  { a: "mumbai", b: "hyderabad", ms: 60, estimate: false },
  { a: "mumbai", b: "pune", ms: 15, estimate: false },
  { a: "delhi", b: "bangalore", ms: 100, estimate: false },
  { a: "delhi", b: "hyderabad", ms: 90, estimate: false },
  { a: "bangalore", b: "hyderabad", ms: 35, estimate: false },
  { a: "mumbai", b: "kolkata", ms: 90, estimate: true },
  { a: "delhi", b: "pune", ms: 85, estimate: true },
  { a: "delhi", b: "kolkata", ms: 70, estimate: true },
  { a: "bangalore", b: "pune", ms: 40, estimate: true },
  { a: "bangalore", b: "kolkata", ms: 85, estimate: true },
  { a: "hyderabad", b: "pune", ms: 50, estimate: true },
  { a: "hyderabad", b: "kolkata", ms: 75, estimate: true },
  { a: "pune", b: "kolkata", ms: 95, estimate: true },
];

const CITY_TO_REGION: ReadonlyMap<string, RegionId> = new Map(
  REGIONS.flatMap((region) => region.cities.map((city) => [city, region.id] as const)),
);

/** Routes a city (any case, surrounding spaces ignored) to its nearest region; unknown cities go to mumbai. */
export function routeCityToRegion(city: string): RegionId {
  return CITY_TO_REGION.get(city.trim().toLowerCase()) ?? DEFAULT_REGION;
}

/** Whether a string names a configured region. */
export function isRegionId(value: string): value is RegionId {
  return (REGION_IDS as readonly string[]).includes(value);
}
