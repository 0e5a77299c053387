/**
 * The wire contract of /api/cost: the server builds these, the cost page and the board's cost tile
 * validate them. Amounts are rupees (`…Inr`) as in core/cost/pricing.ts; instants are epoch ms.
 */
import { z } from "zod";
import { costScenarioSchema } from "./cost-scenario";
import { REGION_IDS } from "../routing/regions";

/** A scenario saved in the database; `name` is the scenario's own name, repeated for lists. */
export const savedCostScenarioSchema = z.object({
  id: z.uuid(),
  name: z.string(),
  scenario: costScenarioSchema,
  createdAt: z.number(),
  updatedAt: z.number(),
});

export const savedCostScenarioListSchema = z.object({ scenarios: z.array(savedCostScenarioSchema) });

/** GET /api/cost/live: projectLiveCost over the latest snapshot's measured events/s, and the settings it used. */
export const liveCostResponseSchema = z.object({
  /** The snapshot the events/s were measured in. */
  at: z.number(),
  eventsPerSecondPerInstance: z.number(),
  minInstances: z.number(),
  regions: z.array(
    z.object({
      region: z.enum(REGION_IDS),
      eventsPerSecond: z.number(),
      instances: z.number(),
      utilizationPercent: z.number(),
      monthlyComputeInr: z.number(),
      ratesEstimate: z.boolean(),
    }),
  ),
  totalInstances: z.number(),
  monthlyComputeInr: z.number(),
});

export type SavedCostScenario = z.infer<typeof savedCostScenarioSchema>;
export type SavedCostScenarioList = z.infer<typeof savedCostScenarioListSchema>;
export type LiveCostResponse = z.infer<typeof liveCostResponseSchema>;
