/**
 * A cost scenario (SPEC section 6, issue 6): what each region runs, under which traffic pattern,
 * budget and latency bound. Everything beyond the issue's minimum has a default, so
 * `{budgetInr, regions: [...]}` is a complete scenario. Amounts are rupees (`…Inr`, at most two decimals).
 */
import { z } from "zod";
import { isWholePaise } from "./money";
import { REGION_IDS, type RegionCostRates } from "../routing/regions";

/** An hour window of the traffic pattern; start > end wraps midnight (23→7 covers 23, 0, 1 … 7). */
export interface TrafficWindow {
  /** First hour (IST, 0–23), inclusive. */
  start: number;
  /** Last hour (IST, 0–23), inclusive. */
  end: number;
  multiplier: number;
}

/** SPEC section 6's windows: 08–11 ×2.5, 12–14 ×1.8, 17–22 ×3.0, 23–07 ×0.3; other hours ×1.0. */
export const SPEC_TRAFFIC_WINDOWS: readonly TrafficWindow[] = [
  { start: 8, end: 11, multiplier: 2.5 },
  { start: 12, end: 14, multiplier: 1.8 },
  { start: 17, end: 22, multiplier: 3.0 },
  { start: 23, end: 7, multiplier: 0.3 },
];

export const HOURS_PER_DAY = 24;

/** Expands hour windows into 24 hourly multipliers, wrapping windows whose start is after their end; a later window wins an hour. */
export function buildTrafficPattern(windows: readonly TrafficWindow[], otherwise = 1.0): number[] {
  for (const window of windows) {
    if (![window.start, window.end].every((hour) => Number.isInteger(hour) && hour >= 0 && hour < HOURS_PER_DAY)) {
      throw new RangeError(`window ${window.start}–${window.end}: hours must be whole numbers 0–23`);
    }
  }
  const pattern = Array.from({ length: HOURS_PER_DAY }, () => otherwise);
  for (const window of windows) {
    // The source compared start ≤ hour ≤ end, so 23→7 never matched; walking forward mod 24 wraps midnight.
    const length = ((window.end - window.start + HOURS_PER_DAY) % HOURS_PER_DAY) + 1;
    for (let step = 0; step < length; step++) pattern[(window.start + step) % HOURS_PER_DAY] = window.multiplier;
  }
  return pattern;
}

/** The default hourly multipliers, index = hour of day in IST. */
export const DEFAULT_TRAFFIC_PATTERN: readonly number[] = Object.freeze(buildTrafficPattern(SPEC_TRAFFIC_WINDOWS));

/** SPEC section 6's default monthly budget, ₹2,00,000. */
export const DEFAULT_BUDGET_INR = 200_000;
/** Default latency bound for regional placement: a configured default, not a source figure. */
export const DEFAULT_LATENCY_BOUND_MS = 50;
/** Default network compression: compressed bytes ÷ original bytes; a configured default, not a source figure. */
export const DEFAULT_NETWORK_COMPRESSION_RATIO = 0.7;

// Bounds keep every monthly figure, summed over all regions, well inside Number's safe integers of paise.
const MAX_RATE_INR = 10_000;
const MAX_QUANTITY = 100_000_000;
const MAX_INSTANCES = 100_000;
const MAX_EVENTS_PER_SECOND = 1_000_000_000;
const MAX_BUDGET_INR = 1_000_000_000_000;
const MAX_MULTIPLIER = 100;
const MAX_LATENCY_BOUND_MS = 10_000;

function numberField(what = "a number") {
  return z.number({ error: (issue) => (issue.input === undefined ? "is required" : `must be ${what}`) });
}

function amount(max: number, what = "a number") {
  return numberField(what).min(0, "must not be negative").max(max, `must be at most ${max}`);
}

function wholeCount(min: number, max: number) {
  return numberField("a whole number")
    .int("must be a whole number")
    .min(min, min === 0 ? "must not be negative" : `must be at least ${min}`)
    .max(max, `must be at most ${max}`);
}

const rate = amount(MAX_RATE_INR, "a rate in rupees");

/** Per-region rate overrides in ₹; a rate left out keeps the registry's default (SPEC section 6). */
export const costRatesSchema = z.object(
  {
    computePerInstanceHour: rate.optional(),
    storagePerGbMonth: rate.optional(),
    networkPerGb: rate.optional(),
    kafkaPerPartitionMonth: rate.optional(),
  },
  { error: "must be an object of rates" },
);
export type CostRateOverrides = Partial<Omit<RegionCostRates, "estimate">>;

const fixedFleetSchema = z.object({
  type: z.literal("fixed"),
  instances: wholeCount(1, MAX_INSTANCES),
});

const autoscaleFleetSchema = z
  .object({
    type: z.literal("autoscale"),
    min: wholeCount(1, MAX_INSTANCES),
    max: wholeCount(1, MAX_INSTANCES),
    /** Events/s one instance serves before the group scales up. */
    eventsPerSecondPerInstance: numberField()
      .positive("must be above 0")
      .max(MAX_EVENTS_PER_SECOND, `must be at most ${MAX_EVENTS_PER_SECOND}`),
  })
  .superRefine((fleet, ctx) => {
    if (fleet.min > fleet.max) ctx.addIssue({ code: "custom", path: ["min"], message: `must not exceed max (${fleet.max})` });
  });

const fleetSchema = z.discriminatedUnion("type", [fixedFleetSchema, autoscaleFleetSchema], {
  error: (issue) => (issue.input === undefined ? "is required" : 'type must be "fixed" or "autoscale"'),
});

const regionSchema = z.object(
  {
    region: z.enum(REGION_IDS, {
      error: (issue) =>
        issue.input === undefined
          ? "is required"
          : `unknown region ${JSON.stringify(issue.input)}: must be one of ${REGION_IDS.join(", ")}`,
    }),
    fleet: fleetSchema,
    /** Events/s at the pattern's busiest hour; an autoscaling fleet follows it, 0 means no traffic. */
    peakEventsPerSecond: amount(MAX_EVENTS_PER_SECOND).default(0),
    storageGb: amount(MAX_QUANTITY),
    networkGb: amount(MAX_QUANTITY),
    partitions: wholeCount(0, MAX_QUANTITY),
    rates: costRatesSchema.optional(),
  },
  { error: "must be a region object" },
);

/** The scenario schema: validates every field and fills the defaults; errors carry the field's path. */
export const costScenarioSchema = z
  .object(
    {
      name: z
        .string({ error: "must be text" })
        .trim()
        .min(1, "must not be empty")
        .max(100, "must be at most 100 characters")
        .default("Untitled scenario"),
      budgetInr: amount(MAX_BUDGET_INR, "an amount in rupees")
        .refine(isWholePaise, "must be whole paise (at most 2 decimals)")
        .default(DEFAULT_BUDGET_INR),
      regions: z.array(regionSchema, { error: "must be a list of regions" }).min(1, "must have at least one region"),
      /** 24 hourly multipliers, index = hour in IST. */
      trafficPattern: z
        .array(amount(MAX_MULTIPLIER), { error: "must be a list of 24 multipliers" })
        .length(HOURS_PER_DAY, "must have 24 hourly multipliers (hours 0–23 IST)")
        .refine(
          (pattern) => pattern.some((m) => m > 0),
          "must have at least one hour above 0 (set peakEventsPerSecond to 0 for no traffic)",
        )
        .default(() => [...DEFAULT_TRAFFIC_PATTERN]),
      /** Regional placement moves a workload only where the latency to its users stays ≤ this. */
      latencyBoundMs: amount(MAX_LATENCY_BOUND_MS).default(DEFAULT_LATENCY_BOUND_MS),
      /** Compressed bytes ÷ original bytes for replication and client traffic. */
      networkCompressionRatio: numberField()
        .positive("must be above 0")
        .max(1, "must be at most 1")
        .default(DEFAULT_NETWORK_COMPRESSION_RATIO),
      /** Users served, for the growth phase; left out when unknown. */
      users: wholeCount(0, Number.MAX_SAFE_INTEGER).optional(),
    },
    { error: "must be a scenario object" },
  )
  .superRefine((scenario, ctx) => {
    const seen = new Set<string>();
    scenario.regions.forEach((entry, index) => {
      if (seen.has(entry.region)) {
        const message = `duplicate region ${entry.region}: each region appears once`;
        ctx.addIssue({ code: "custom", path: ["regions", index, "region"], message });
      }
      seen.add(entry.region);
    });
  });

/** A validated scenario with every default filled in. */
export type CostScenario = z.output<typeof costScenarioSchema>;
/** What a client may send: the issue's minimum plus any optional field. */
export type CostScenarioInput = z.input<typeof costScenarioSchema>;
export type ScenarioRegion = CostScenario["regions"][number];
export type Fleet = ScenarioRegion["fleet"];

export interface ScenarioFieldError {
  /** Dotted path of the field, e.g. `regions.0.fleet.min`; `scenario` for the whole body. */
  path: string;
  message: string;
}

export type ParsedCostScenario = { ok: true; scenario: CostScenario } | { ok: false; errors: ScenarioFieldError[] };

/** Validates a scenario: the filled-in scenario, or every problem as a field path and a reason. */
export function parseCostScenario(raw: unknown): ParsedCostScenario {
  const result = costScenarioSchema.safeParse(raw);
  if (result.success) return { ok: true, scenario: result.data };
  return {
    ok: false,
    errors: result.error.issues.map((issue) => ({
      path: issue.path.length > 0 ? issue.path.join(".") : "scenario",
      message: issue.message,
    })),
  };
}

/** SPEC section 6's reference scenario from the source, "startup on two regions". */
export const REFERENCE_COST_SCENARIO: CostScenario = costScenarioSchema.parse({
  name: "Startup on two regions",
  budgetInr: DEFAULT_BUDGET_INR,
  regions: [
    { region: "mumbai", fleet: { type: "fixed", instances: 5 }, storageGb: 500, networkGb: 1_000, partitions: 20 },
    { region: "bangalore", fleet: { type: "fixed", instances: 3 }, storageGb: 300, networkGb: 600, partitions: 12 },
  ],
});
