/**
 * The cost form's model: every field as the text the person typed, so "1." or an emptied field can be
 * edited freely, read into a scenario and validated by the same zod schema as the API.
 */
import { DEFAULT_LIVE_PROJECTION_SETTINGS } from "@/core/cost/live-projection";
import { DYNAMIC_SCALING_POLICY } from "@/core/cost/optimisations";
import {
  DEFAULT_BUDGET_INR,
  DEFAULT_LATENCY_BOUND_MS,
  DEFAULT_NETWORK_COMPRESSION_RATIO,
  DEFAULT_TRAFFIC_PATTERN,
  parseCostScenario,
  type CostScenario,
  type ParsedCostScenario,
  type ScenarioFieldError,
  type ScenarioRegion,
} from "@/core/cost/cost-scenario";
import { REGION_IDS, type RegionId } from "@/core/routing/regions";

export const RATE_FIELDS = ["computePerInstanceHour", "storagePerGbMonth", "networkPerGb", "kafkaPerPartitionMonth"] as const;
export type RateField = (typeof RATE_FIELDS)[number];
export type FleetType = "fixed" | "autoscale";

export interface RegionDraft {
  /** Stable across edits (the region itself can be changed), for React keys and field ids. */
  key: string;
  region: RegionId;
  fleetType: FleetType;
  instances: string;
  /** Autoscaling fields are kept while the fleet is fixed, so switching back and forth loses nothing. */
  min: string;
  max: string;
  eventsPerSecondPerInstance: string;
  peakEventsPerSecond: string;
  storageGb: string;
  networkGb: string;
  partitions: string;
  /** An empty rate uses the region's default. */
  rates: Record<RateField, string>;
}

export interface ScenarioDraft {
  name: string;
  budgetInr: string;
  latencyBoundMs: string;
  networkCompressionRatio: string;
  /** Empty when the number of users is not known. */
  users: string;
  trafficPattern: string[];
  regions: RegionDraft[];
}

let keyCounter = 0;
function createKey(): string {
  keyCounter += 1;
  return `region-${keyCounter}`;
}

const text = (value: number | undefined): string => (value === undefined ? "" : String(value));

/** Autoscaling defaults for a fixed fleet of `instances`: the live projection's per-instance capacity, sized for the same peak. */
function autoscaleDefaults(instances: number) {
  const perInstance = DEFAULT_LIVE_PROJECTION_SETTINGS.eventsPerSecondPerInstance;
  return {
    min: String(DYNAMIC_SCALING_POLICY.minInstances),
    max: String(Math.max(DYNAMIC_SCALING_POLICY.maxInstances, instances)),
    eventsPerSecondPerInstance: String(perInstance),
    peakEventsPerSecond: String(instances * perInstance),
  };
}

function createRegionDraftFrom(entry: ScenarioRegion): RegionDraft {
  const { fleet } = entry;
  const rates = Object.fromEntries(RATE_FIELDS.map((field) => [field, text(entry.rates?.[field])])) as Record<RateField, string>;
  const shared = {
    key: createKey(),
    region: entry.region,
    storageGb: String(entry.storageGb),
    networkGb: String(entry.networkGb),
    partitions: String(entry.partitions),
    rates,
  };
  if (fleet.type === "fixed") {
    return { ...shared, fleetType: "fixed", instances: String(fleet.instances), ...autoscaleDefaults(fleet.instances) };
  }
  return {
    ...shared,
    fleetType: "autoscale",
    instances: String(fleet.max),
    min: String(fleet.min),
    max: String(fleet.max),
    eventsPerSecondPerInstance: String(fleet.eventsPerSecondPerInstance),
    peakEventsPerSecond: String(entry.peakEventsPerSecond),
  };
}

/** The form of a validated scenario. */
export function createDraft(scenario: CostScenario): ScenarioDraft {
  return {
    name: scenario.name,
    budgetInr: String(scenario.budgetInr),
    latencyBoundMs: String(scenario.latencyBoundMs),
    networkCompressionRatio: String(scenario.networkCompressionRatio),
    users: text(scenario.users),
    trafficPattern: scenario.trafficPattern.map(String),
    regions: scenario.regions.map(createRegionDraftFrom),
  };
}

/** A region as the form adds it: two fixed instances and nothing stored, moved or partitioned yet. */
export function createRegionDraft(region: RegionId): RegionDraft {
  return createRegionDraftFrom({
    region,
    fleet: { type: "fixed", instances: 2 },
    peakEventsPerSecond: 0,
    storageGb: 0,
    networkGb: 0,
    partitions: 0,
  });
}

/** A blank scenario: one region, the spec's budget, bound, compression and traffic pattern. */
export function createBlankDraft(): ScenarioDraft {
  return {
    name: "New scenario",
    budgetInr: String(DEFAULT_BUDGET_INR),
    latencyBoundMs: String(DEFAULT_LATENCY_BOUND_MS),
    networkCompressionRatio: String(DEFAULT_NETWORK_COMPRESSION_RATIO),
    users: "",
    trafficPattern: DEFAULT_TRAFFIC_PATTERN.map(String),
    regions: [createRegionDraft("mumbai")],
  };
}

/** The first region not yet in the draft, in registry order; null when all six are. */
export function findUnusedRegion(draft: ScenarioDraft): RegionId | null {
  const used = new Set(draft.regions.map((entry) => entry.region));
  return REGION_IDS.find((region) => !used.has(region)) ?? null;
}

const NUMBER_TEXT = /^[+-]?(\d+\.?\d*|\.\d+)(e[+-]?\d+)?$/i;

/**
 * Reads a typed number: empty is "not given" (undefined), digit separators (2,00,000 or 1 000) are
 * ignored, and anything else stays text so the schema answers "must be a number".
 */
export function readNumber(typed: string): number | string | undefined {
  const trimmed = typed.trim();
  if (trimmed === "") return undefined;
  const compact = trimmed.replace(/[,_\s]/g, "");
  return NUMBER_TEXT.test(compact) ? Number(compact) : typed;
}

function readRegion(entry: RegionDraft): Record<string, unknown> {
  const fleet =
    entry.fleetType === "fixed"
      ? { type: "fixed", instances: readNumber(entry.instances) }
      : {
          type: "autoscale",
          min: readNumber(entry.min),
          max: readNumber(entry.max),
          eventsPerSecondPerInstance: readNumber(entry.eventsPerSecondPerInstance),
        };
  const rates = Object.fromEntries(
    RATE_FIELDS.flatMap((field) => {
      const value = readNumber(entry.rates[field]);
      return value === undefined ? [] : [[field, value]];
    }),
  );
  return {
    region: entry.region,
    fleet,
    ...(entry.fleetType === "autoscale" ? { peakEventsPerSecond: readNumber(entry.peakEventsPerSecond) } : {}),
    storageGb: readNumber(entry.storageGb),
    networkGb: readNumber(entry.networkGb),
    partitions: readNumber(entry.partitions),
    ...(Object.keys(rates).length > 0 ? { rates } : {}),
  };
}

/** The draft as the raw scenario the API would receive (not yet validated). */
export function readDraft(draft: ScenarioDraft): Record<string, unknown> {
  const users = readNumber(draft.users);
  return {
    name: draft.name,
    budgetInr: readNumber(draft.budgetInr),
    latencyBoundMs: readNumber(draft.latencyBoundMs),
    networkCompressionRatio: readNumber(draft.networkCompressionRatio),
    ...(users === undefined ? {} : { users }),
    trafficPattern: draft.trafficPattern.map(readNumber),
    regions: draft.regions.map(readRegion),
  };
}

/** Validates the draft with the API's own schema. */
export function parseDraft(draft: ScenarioDraft): ParsedCostScenario {
  return parseCostScenario(readDraft(draft));
}

/** Field errors by path (`regions.0.storageGb`), first message per field. */
export function indexFieldErrors(errors: readonly ScenarioFieldError[]): ReadonlyMap<string, string> {
  const byPath = new Map<string, string>();
  for (const error of errors) if (!byPath.has(error.path)) byPath.set(error.path, error.message);
  return byPath;
}

const MAX_NAME_LENGTH = 100;
const COPY_SUFFIX = " (copy)";

/** The name of a copy, kept within the schema's 100 characters. */
export function createCopyName(name: string): string {
  return `${name.slice(0, MAX_NAME_LENGTH - COPY_SUFFIX.length).trimEnd()}${COPY_SUFFIX}`;
}
