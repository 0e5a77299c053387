import { z } from "zod";
import { REGION_IDS } from "@/core/routing/regions";
import type { Runtime } from "../runtime";
import type { TimelineEntry } from "@/core/timeline/timeline";
import { listTimeline } from "../services/list-timeline";
import { createValidationError, instantSchema, parseQuery } from "./validate";

const HOUR_MS = 3_600_000;
const timelineQuerySchema = z.object({
  region: z.enum(REGION_IDS, { error: `region must be one of ${REGION_IDS.join(", ")}` }).optional(),
  from: instantSchema.optional(),
  to: instantSchema.optional(),
  limit: z.coerce
    .number({ error: "limit must be a number" })
    .int("limit must be a whole number")
    .min(1, "limit must be 1 to 1000")
    .max(1000, "limit must be 1 to 1000")
    .default(200),
});

/** GET /api/timeline?region=&from=&to=&limit=: the evening's incidents, newest first (default: the last 12 hours). */
export async function getTimeline(runtime: Runtime, url: URL): Promise<{ entries: TimelineEntry[] }> {
  const query = parseQuery(timelineQuerySchema, url.searchParams);
  const now = Date.now();
  const to = query.to ?? now;
  const from = query.from ?? to - 12 * HOUR_MS;
  if (from >= to) throw createValidationError([{ path: "from", message: "from must be before to" }]);
  if (to - from > 48 * HOUR_MS)
    throw createValidationError([{ path: "to", message: "a timeline covers at most 48 hours" }], "a timeline covers at most 48 hours");
  return { entries: await listTimeline(runtime.database.prisma, { from, to, region: query.region, limit: query.limit, now }) };
}
