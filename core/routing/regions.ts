/**
 * The region registry of SPEC section 2: the one place regions, capacities, brokers, city routing
 * and inter-region latency are configured. Figures not given by the source are marked `estimate`.
 */
export const REGION_IDS = ["mumbai", "delhi", "bangalore", "hyderabad", "pune", "kolkata"] as const;
export type RegionId = (typeof REGION_IDS)[number];

/** SPEC section 6 cost rates in INR; `estimate` marks rates the source does not give. */
export interface RegionCostRates {
  /** ₹ per instance-hour of compute. */
  computePerInstanceHour: number;
  /** ₹ per GB-month of storage. */
  storagePerGbMonth: number;
  /** ₹ per GB of network transfer. */
  networkPerGb: number;
  /** ₹ per Kafka partition-month. */
  kafkaPerPartitionMonth: number;
  estimate: boolean;
}

export interface RegionConfig {
  id: RegionId;
  name: string;
  /** Concurrent viewers the region is provisioned for. */
  capacity: number;
  /** Kafka brokers in production naming; null where the source gives none. */
  brokers: number | null;
  cities: readonly string[];
  costRates: RegionCostRates;
}

export const REGIONS: readonly RegionConfig[] = [
  {
    id: "mumbai",
    name: "Mumbai",
    capacity: 8_000_000,
    brokers: 3,
    cities: ["mumbai", "nashik"],
    costRates: { computePerInstanceHour: 8.0, storagePerGbMonth: 1.5, networkPerGb: 0.8, kafkaPerPartitionMonth: 50, estimate: false },
  },
  {
    id: "delhi",
    name: "Delhi",
    capacity: 6_000_000,
    brokers: 3,
    cities: ["delhi", "gurgaon", "noida"],
    costRates: { computePerInstanceHour: 7.5, storagePerGbMonth: 1.4, networkPerGb: 0.75, kafkaPerPartitionMonth: 45, estimate: false },
  },
  {
    id: "bangalore",
    name: "Bangalore",
    capacity: 5_000_000,
    brokers: 3,
    cities: ["bangalore", "mysore", "mangalore"],
    costRates: { computePerInstanceHour: 7.0, storagePerGbMonth: 1.3, networkPerGb: 0.7, kafkaPerPartitionMonth: 40, estimate: false },
  },
  {
    id: "hyderabad",
    name: "Hyderabad",
    capacity: 3_000_000,
    brokers: 2,
    cities: ["hyderabad", "vijayawada"],
    costRates: { computePerInstanceHour: 6.8, storagePerGbMonth: 1.25, networkPerGb: 0.7, kafkaPerPartitionMonth: 40, estimate: true },
  },
  {
    id: "pune",
    name: "Pune",
    capacity: 2_500_000,
    brokers: null,
    cities: ["pune"],
    costRates: { computePerInstanceHour: 7.2, storagePerGbMonth: 1.35, networkPerGb: 0.72, kafkaPerPartitionMonth: 42, estimate: true },
  },
  {
    id: "kolkata",
    name: "Kolkata",
    capacity: 2_000_000,
    brokers: null,
    cities: ["kolkata", "bhubaneswar"],
    costRates: { computePerInstanceHour: 6.5, storagePerGbMonth: 1.2, networkPerGb: 0.65, kafkaPerPartitionMonth: 38, estimate: true },
  },
];

const REGION_BY_ID: ReadonlyMap<RegionId, RegionConfig> = new Map(REGIONS.map((region) => [region.id, region] as const));

/** Returns the registry entry of a region id (every RegionId is configured). */
export function getRegionConfig(id: RegionId): RegionConfig {
  const region = REGION_BY_ID.get(id);
  if (!region) throw new Error(`region ${id} is not configured`);
  return region;
}

/** Returns a region's SPEC section 6 cost rates (₹); hyderabad, pune and kolkata are marked estimates. */
export function getRegionCostRates(id: RegionId): RegionCostRates {
  return getRegionConfig(id).costRates;
}

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

// Locations as players send them ("Mumbai", " pune") repeat endlessly: normalise each spelling once.
const ROUTE_CACHE_LIMIT = 10_000;
const routeCache = new Map<string, RegionId>();

/** Routes a city (any case, surrounding spaces ignored) to its nearest region; unknown cities go to mumbai. */
export function routeCityToRegion(city: string): RegionId {
  const cached = routeCache.get(city);
  if (cached) return cached;
  const region = CITY_TO_REGION.get(city.trim().toLowerCase()) ?? DEFAULT_REGION;
  if (routeCache.size < ROUTE_CACHE_LIMIT) routeCache.set(city, region);
  return region;
}

/** Whether a string names a configured region. */
export function isRegionId(value: string): value is RegionId {
  return (REGION_IDS as readonly string[]).includes(value);
}

const REGION_COUNT = REGION_IDS.length;

/** Position of each region in registry order; registry order breaks every tie in routing. */
const REGION_POSITION: ReadonlyMap<RegionId, number> = new Map(REGION_IDS.map((id, index) => [id, index] as const));

/** Returns a region's position in registry order (mumbai 0 … kolkata 5). */
export function getRegionPosition(id: RegionId): number {
  return REGION_POSITION.get(id) ?? REGION_COUNT;
}

/** Flat symmetric matrix (row × REGION_COUNT + column) built once from LATENCY_LINKS; unconfigured pairs are Infinity. */
const LATENCY_MATRIX: Float64Array = (() => {
  const matrix = new Float64Array(REGION_COUNT * REGION_COUNT).fill(Number.POSITIVE_INFINITY);
  for (let i = 0; i < REGION_COUNT; i++) matrix[i * REGION_COUNT + i] = 0;
  for (const link of LATENCY_LINKS) {
    const a = getRegionPosition(link.a);
    const b = getRegionPosition(link.b);
    matrix[a * REGION_COUNT + b] = link.ms;
    matrix[b * REGION_COUNT + a] = link.ms;
  }
  return matrix;
})();

/** Latency in ms between two regions: 0 to itself, the LATENCY_LINKS figure either way round, Infinity if unconfigured. */
export function latencyBetweenRegions(a: RegionId, b: RegionId): number {
  return LATENCY_MATRIX[getRegionPosition(a) * REGION_COUNT + getRegionPosition(b)] ?? Number.POSITIVE_INFINITY;
}

export type ReplicationKind = "chain" | "backup";

export interface ReplicationLink {
  from: RegionId;
  to: RegionId;
  /** `chain`: the source's region-to-region replication; `backup`: the full backup into mumbai. */
  kind: ReplicationKind;
}

/**
 * Cross-region replication of SPEC section 2: mumbai→delhi, delhi→bangalore, bangalore→hyderabad,
 * and a full backup into mumbai from every other region. Replicated messages carry `replicated_from`.
 */
export const REPLICATION_LINKS: readonly ReplicationLink[] = [
  { from: "mumbai", to: "delhi", kind: "chain" },
  { from: "delhi", to: "bangalore", kind: "chain" },
  { from: "bangalore", to: "hyderabad", kind: "chain" },
  ...REGION_IDS.filter((id) => id !== "mumbai").map((id): ReplicationLink => ({ from: id, to: "mumbai", kind: "backup" })),
];

/** The header a replicated message carries, naming the region it was copied from. */
export const REPLICATED_FROM_HEADER = "replicated_from";

export interface ContentTypeRoute {
  contentType: string;
  region: RegionId;
  /** Always true here: the source gives no content map, so these are configured defaults. */
  configuredDefault: boolean;
}

/** The content_type strategy's map (SPEC section 2); content types not listed fall back to proximity. */
export const CONTENT_TYPE_ROUTES: readonly ContentTypeRoute[] = [
  { contentType: "live_match", region: "mumbai", configuredDefault: true },
  { contentType: "highlights", region: "bangalore", configuredDefault: true },
  { contentType: "ad", region: "hyderabad", configuredDefault: true },
];

const CONTENT_TYPE_TO_REGION: ReadonlyMap<string, RegionId> = new Map(
  CONTENT_TYPE_ROUTES.map((route) => [route.contentType, route.region] as const),
);

/** Routes a content type (any case, surrounding spaces ignored) by the configured map; null when unmapped. */
export function routeContentTypeToRegion(contentType: string): RegionId | null {
  return CONTENT_TYPE_TO_REGION.get(contentType) ?? CONTENT_TYPE_TO_REGION.get(contentType.trim().toLowerCase()) ?? null;
}

/** The `priority` strategy's best region for events of priority ≤ 3 (SPEC section 2: mumbai by default). */
export const PRIORITY_REGION: RegionId = "mumbai";
