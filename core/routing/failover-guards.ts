import type { FailoverMode } from "./region-health";
import { getRegionConfig, REGION_IDS, type RegionId } from "./regions";

/** Whether every region but `id` is out of routing, so taking `id` out too would leave nowhere to send events. */
export function isLastActiveRegion(id: RegionId, isActive: (region: RegionId) => boolean): boolean {
  return REGION_IDS.every((other) => other === id || !isActive(other));
}

/**
 * Whether an automatic failover at `failedOverAt` has been held long enough to be undone at `now`, so a
 * region without traffic cannot flap back at once. An unknown failover time counts as now.
 */
export function isFailbackHoldOver(failedOverAt: number | null, now: number, holdMs: number): boolean {
  return now - (failedOverAt ?? now) >= holdMs;
}

/** Why an operator may not fail `id` over (it is out already, or the last active region), or null when it may. */
export function refuseManualFailover(
  id: RegionId,
  region: { active: boolean; failedOverBy: FailoverMode | null },
  isActive: (region: RegionId) => boolean,
): string | null {
  const name = getRegionConfig(id).name;
  if (!region.active) return `${name} is already failed over (${region.failedOverBy ?? "manual"}).`;
  if (isLastActiveRegion(id, isActive)) return `${name} is the last active region; failing it over would leave nowhere to route.`;
  return null;
}

/** Why an operator may not fail `id` back (it is active), or null when it may. */
export function refuseManualFailback(id: RegionId, active: boolean): string | null {
  return active ? `${getRegionConfig(id).name} is active already; nothing to fail back.` : null;
}
