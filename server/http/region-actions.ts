import { z } from "zod";
import { REGION_IDS, isRegionId, type RegionId } from "@/core/routing/regions";
import type { RegionsResponse } from "@/core/routing/region-state";
import { AppError } from "../errors";
import type { Runtime } from "../runtime";
import { listRegionChanges } from "../services/list-region-changes";
import type { RegionView } from "../workers/region-manager";
import { readJsonBody } from "./respond";
import { parseBody, parseId } from "./validate";

const MAX_BODY_BYTES = 16 * 1024;
const reasonSchema = z.string().trim().min(1, "reason must not be empty").max(500, "reason must be at most 500 characters");
const failoverBodySchema = z.object({ reason: reasonSchema.optional() }).strict();
const breakerBodySchema = z
  .object({
    action: z.enum(["trip", "reset"], { error: 'action must be "trip" or "reset"' }),
    reason: reasonSchema.optional(),
  })
  .strict();

// A region's id is its name; one of the right form that is not a region is unknown (404), not malformed.
const regionNameSchema = z.string().regex(/^[a-z]+$/, "must be a region's name in lower case, such as pune");

function requireRegion(id: string): RegionId {
  const name = parseId(regionNameSchema, id);
  if (!isRegionId(name)) throw new AppError("not_found", `No region "${name}"; regions are ${REGION_IDS.join(", ")}.`);
  return name;
}

async function readBody<T>(request: Request, schema: z.ZodType<T>): Promise<T> {
  // No body at all means {}; a body must be JSON like everywhere else.
  const empty = request.body === null || request.headers.get("content-length") === "0";
  const raw = empty ? {} : await readJsonBody(request, MAX_BODY_BYTES);
  return parseBody(schema, raw);
}

export type RegionControl = "failover" | "failback" | "breaker";

/** POST /api/regions/:id/failover | failback | breaker: an operator's hand on a region's routing. */
export async function controlRegion(
  runtime: Runtime,
  id: string,
  control: RegionControl,
  request: Request,
  actor: string,
): Promise<{ region: RegionId } & RegionView> {
  const region = requireRegion(id);
  const now = Date.now();
  if (control === "breaker") {
    const body = await readBody(request, breakerBodySchema);
    return { region, ...runtime.regions.setBreakerByHand(region, body.action, body.reason ?? `${body.action} by ${actor}`, now, actor) };
  }
  const body = await readBody(request, failoverBodySchema);
  const view =
    control === "failover"
      ? runtime.regions.failover(region, body.reason ?? `failed over by ${actor}`, now, actor)
      : runtime.regions.failback(region, body.reason ?? `failed back by ${actor}`, now, actor);
  return { region, ...view };
}

/** GET /api/regions: every region's routing state and the latest recorded changes. */
export async function getRegions(runtime: Runtime): Promise<RegionsResponse> {
  await runtime.settleWrites();
  return {
    routingStrategy: runtime.routingStrategy,
    regions: REGION_IDS.map((region) => ({ region, ...runtime.regions.describe(region) })),
    changes: await listRegionChanges(runtime.database.prisma, { limit: 50 }),
  };
}
