/** Drills on the wire: what POST /api/chaos takes, what a running drill looks like, and what the list answers. */
import { z } from "zod";
import { DLQ_COMPONENTS } from "../dlq/dlq-api";
import { REGION_IDS } from "../routing/regions";

/** Where a drill can make the engine fail: each names a real code path that then throws. */
// Dead letters name the same code paths, so the list lives in their wire contract.
export const DRILL_COMPONENTS = DLQ_COMPONENTS;
export type DrillComponent = (typeof DRILL_COMPONENTS)[number];

export const drillRequestSchema = z
  .object({
    component: z.enum(DRILL_COMPONENTS, { error: `component must be one of ${DRILL_COMPONENTS.join(", ")}` }),
    region: z.enum(REGION_IDS, { error: `region must be one of ${REGION_IDS.join(", ")}` }).optional(),
    errorMessage: z
      .string({ error: "errorMessage is required" })
      .trim()
      .min(1, "errorMessage must not be empty")
      .max(500, "errorMessage must be at most 500 characters"),
    rate: z.number({ error: "rate must be a number from 0 to 1" }).min(0, "rate must be from 0 to 1").max(1, "rate must be from 0 to 1"),
    durationSeconds: z
      .number({ error: "durationSeconds must be a number" })
      .int("durationSeconds must be whole")
      .min(1, "durationSeconds must be 1 to 3600")
      .max(3600, "durationSeconds must be 1 to 3600"),
    /** Only events whose id starts with this fail (the processor's drills): a poison event, without failing the rest of the region. */
    eventIdPrefix: z
      .string({ error: "eventIdPrefix must be text" })
      .min(1, "eventIdPrefix must not be empty")
      .max(200, "eventIdPrefix must be at most 200 characters")
      .optional(),
  })
  .strict();
export type DrillRequest = z.infer<typeof drillRequestSchema>;

/** A drill running now, as the snapshot and GET /api/chaos carry it. */
export const runningDrillSchema = z.object({
  id: z.string(),
  component: z.enum(DRILL_COMPONENTS),
  region: z.enum(REGION_IDS).optional(),
  errorMessage: z.string(),
  rate: z.number(),
  durationSeconds: z.number(),
  eventIdPrefix: z.string().optional(),
  startedAt: z.number(),
  endsAt: z.number(),
  /** Who started it; null for a drill started before sign-in existed. */
  startedBy: z.string().nullable(),
  /** How many times it has thrown in this process so far. */
  injected: z.number(),
});
export type RunningDrill = z.infer<typeof runningDrillSchema>;

/** GET /api/chaos: the drills running now, as of the server's `at` (epoch ms), so a page can count down on the server's clock. */
export const drillListSchema = z.object({ at: z.number(), faults: z.array(runningDrillSchema) });
export type DrillList = z.infer<typeof drillListSchema>;
