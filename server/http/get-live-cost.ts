import type { LiveCostResponse } from "@/core/cost/cost-api";
import { DEFAULT_LIVE_PROJECTION_SETTINGS, projectLiveCost } from "@/core/cost/live-projection";
import type { RegionId } from "@/core/routing/regions";
import type { Runtime } from "../runtime";

/** GET /api/cost/live: the month's compute if the events/s of the latest snapshot held, per region. */
export function getLiveCost(runtime: Runtime): LiveCostResponse {
  const snapshot = runtime.hub.latestSnapshot();
  const eventsPerSecond: Partial<Record<RegionId, number>> = Object.fromEntries(
    snapshot.regions.map((region) => [region.id, region.eventsPerSecond]),
  );
  const settings = DEFAULT_LIVE_PROJECTION_SETTINGS;
  return {
    at: snapshot.at,
    eventsPerSecondPerInstance: settings.eventsPerSecondPerInstance,
    minInstances: settings.minInstances,
    ...projectLiveCost(eventsPerSecond, settings),
  };
}
