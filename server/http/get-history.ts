import { z } from "zod";
import { chooseHistoryStepSeconds, downsampleRollups, summarizeRollup } from "@/core/metrics/history";
import { REGION_IDS } from "@/core/routing/regions";
import type { HistoryResponse } from "@/core/metrics/snapshot";
import type { Runtime } from "../runtime";
import { listRegionRollups } from "../services/list-region-rollups";
import { createValidationError, parseQuery } from "./validate";

export const DEFAULT_HISTORY_MS = 15 * 60 * 1000;
export const MAX_HISTORY_MS = 24 * 60 * 60 * 1000;

// The largest instant a JavaScript Date can hold; beyond it every date is invalid.
const MAX_INSTANT_MS = 8.64e15;

const instant = z
  .union([z.string().regex(/^\d+$/).transform(Number), z.iso.datetime({ offset: true }).transform((s) => Date.parse(s))], {
    error: "must be epoch milliseconds or an ISO 8601 date-time",
  })
  .refine((ms) => ms <= MAX_INSTANT_MS, "is beyond the last representable date");

const historyQuerySchema = z.object({
  region: z.enum([...REGION_IDS, "all"], { error: `must be one of ${REGION_IDS.join(", ")}, all` }).optional(),
  from: instant.optional(),
  to: instant.optional(),
});

/**
 * GET /api/history?region=&from=&to=: rollups from the database, the last 15 minutes by default; a
 * long range comes in coarser steps (core/metrics/history.ts), so 24 hours is 288 points a series.
 */
export async function getHistory(runtime: Runtime, params: URLSearchParams, now: number = Date.now()): Promise<HistoryResponse> {
  const query = parseQuery(historyQuerySchema, params);
  const to = query.to ?? now;
  const from = query.from ?? to - DEFAULT_HISTORY_MS;
  if (from >= to) throw createValidationError([{ path: "from", message: "from must be before to." }]);
  if (to - from > MAX_HISTORY_MS)
    throw createValidationError(
      [{ path: "to", message: "The range may span at most 24 hours; narrow from/to." }],
      "The range may span at most 24 hours; narrow from/to.",
    );
  const records = await listRegionRollups(runtime.database.prisma, { region: query.region, from, to });
  const stepSeconds = chooseHistoryStepSeconds(to - from, runtime.rollupSeconds);
  const rollups = stepSeconds === runtime.rollupSeconds ? records : downsampleRollups(records, stepSeconds * 1000);
  return { from, to, stepSeconds, rollups: rollups.map(summarizeRollup) };
}
