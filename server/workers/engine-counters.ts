import { z } from "zod";
import { FAILURE_SEVERITIES } from "@/core/dlq/failures";
import { QUALITY_CHANGE_REASONS } from "@/core/experience/quality-ladder";
import { createCounts } from "@/core/metrics/aggregation";
import { REGION_IDS } from "@/core/routing/regions";

const count = z.number().int().nonnegative();
const countsOf = <K extends string>(keys: readonly [K, ...K[]]) => z.record(z.enum(keys), count);

const regionCountersSchema = z.object({
  routed: count,
  processed: count,
  duplicates: count,
  inRetry: count,
  deadLettered: count,
  alternativePath: count,
  failures: countsOf(FAILURE_SEVERITIES),
  decisions: countsOf(QUALITY_CHANGE_REASONS),
});

/** The engine's cumulative counters as checkpointed; validated when read back, as any stored input. */
export const engineCountersSchema = z.object({
  version: z.literal(1),
  accepted: count,
  rejected: count,
  replayed: count,
  rejectionReasons: z.record(z.string(), count),
  regions: z.record(z.enum(REGION_IDS), regionCountersSchema),
});

export type EngineCounters = z.infer<typeof engineCountersSchema>;

export type RegionCounters = EngineCounters["regions"][keyof EngineCounters["regions"]];

/** A region's counters before anything was counted. */
export function createRegionCounters(): RegionCounters {
  return {
    routed: 0,
    processed: 0,
    duplicates: 0,
    inRetry: 0,
    deadLettered: 0,
    alternativePath: 0,
    failures: createCounts(FAILURE_SEVERITIES),
    decisions: createCounts(QUALITY_CHANGE_REASONS),
  };
}

/** A region's counters as flat names (`failures.transient`), the form the shared ledger stores. */
export function flattenRegionCounters(counters: RegionCounters): Record<string, number> {
  const flat: Record<string, number> = {
    routed: counters.routed,
    processed: counters.processed,
    duplicates: counters.duplicates,
    inRetry: counters.inRetry,
    deadLettered: counters.deadLettered,
    alternativePath: counters.alternativePath,
  };
  for (const [name, value] of Object.entries(counters.failures)) flat[`failures.${name}`] = value;
  for (const [name, value] of Object.entries(counters.decisions)) flat[`decisions.${name}`] = value;
  return flat;
}

/** Adds flat counters (as read from the ledger) into `target`; unknown names are ignored. */
export function addFlatRegionCounters(target: RegionCounters, flat: Record<string, number>): void {
  for (const [name, value] of Object.entries(flat)) {
    const [group, key] = name.split(".", 2) as [string, string | undefined];
    if (key === undefined) {
      if (group in target && group !== "failures" && group !== "decisions") (target as unknown as Record<string, number>)[group]! += value;
    } else if (group === "failures" && key in target.failures) {
      target.failures[key as keyof RegionCounters["failures"]] += value;
    } else if (group === "decisions" && key in target.decisions) {
      target.decisions[key as keyof RegionCounters["decisions"]] += value;
    }
  }
}

/** after − before, name by name, keeping only what changed. */
export function diffCounters(before: Record<string, number>, after: Record<string, number>): Record<string, number> {
  const delta: Record<string, number> = {};
  for (const name in after) {
    const change = after[name]! - (before[name] ?? 0);
    if (change !== 0) delta[name] = change;
  }
  return delta;
}
