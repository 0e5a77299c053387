import { z } from "zod";
import { FAILURE_SEVERITIES } from "@/core/failures";
import { QUALITY_CHANGE_REASONS } from "@/core/quality-ladder";
import { REGION_IDS } from "@/core/regions";

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
