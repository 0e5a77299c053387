import { z } from "zod";
import { CIRCUIT_STATES } from "./circuit-breaker";
import { REGION_HEALTHS } from "./region-health";
import { REGION_IDS } from "./regions";
import { ROUTING_STRATEGIES } from "./routing";

export const REGION_ACTIONS = [
  "failover",
  "failback",
  "failover_refused",
  "breaker_open",
  "breaker_close",
  "breaker_trip",
  "breaker_reset",
] as const;
export type RegionAction = (typeof REGION_ACTIONS)[number];

/** Each change as a person reads it after the region's name, on the board and the timeline alike. */
export const REGION_ACTION_WORDS: Record<RegionAction, string> = {
  failover: "failed over",
  failback: "failed back",
  failover_refused: "kept in routing by a guard",
  breaker_open: "breaker opened",
  breaker_close: "breaker closed",
  breaker_trip: "breaker tripped by hand",
  breaker_reset: "breaker reset by hand",
};

// The wire contract of /api/regions: the server builds these, the board validates them.
export const regionViewSchema = z.object({
  /** False while failed over: routing sends its load elsewhere. */
  active: z.boolean(),
  circuit: z.enum(CIRCUIT_STATES),
  health: z.enum(REGION_HEALTHS),
  healthReason: z.string(),
});

export const regionStateSchema = regionViewSchema.extend({ region: z.enum(REGION_IDS) });

/** One change of a region's routing state, with why and whether a rule or a person made it. */
export const regionChangeSchema = z.object({
  region: z.enum(REGION_IDS),
  action: z.enum(REGION_ACTIONS),
  mode: z.enum(["automatic", "manual"]),
  reason: z.string(),
  at: z.number(),
  /** Who made a manual change; null for automatic ones. */
  actor: z.string().nullable(),
});

export const regionsResponseSchema = z.object({
  /** The deployment's routing strategy (SPEC section 2), so previews of a control follow it. */
  routingStrategy: z.enum(ROUTING_STRATEGIES),
  regions: z.array(regionStateSchema),
  changes: z.array(regionChangeSchema),
});

export type RegionView = z.infer<typeof regionViewSchema>;
export type RegionState = z.infer<typeof regionStateSchema>;
export type RegionChange = z.infer<typeof regionChangeSchema>;
export type RegionsResponse = z.infer<typeof regionsResponseSchema>;
