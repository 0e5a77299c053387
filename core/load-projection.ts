/**
 * What a region control would do to the others: where a region's viewers go when it stops taking
 * load (failover, or an open breaker), following the routing rules of SPEC section 2.
 */
import type { CircuitState } from "./circuit-breaker";
import { computeUtilizationPercent, listSpilloverCandidates, SPILLOVER_THRESHOLD_PERCENT } from "./routing";
import { REGION_IDS, type RegionId } from "./regions";

/** One region as the board sees it now. */
export interface RegionLoadNow {
  id: RegionId;
  active: boolean;
  circuit: CircuitState;
  viewers: number;
  capacity: number;
}

/** A region that would take some of the lost region's viewers. */
export interface LoadShift {
  region: RegionId;
  viewers: number;
  utilizationBeforePercent: number;
  utilizationAfterPercent: number;
}

export interface LoadProjection {
  /** Viewers the region serves now, all of whom move. */
  moving: number;
  /** In spillover order: lowest latency first. */
  takers: LoadShift[];
  /** Viewers nobody can take: no other region is active (they stay queued on the lost region). */
  stranded: number;
}

function canTakeSpillover(region: RegionLoadNow): boolean {
  return region.active && region.circuit !== "open";
}

/**
 * Projects losing `lost`: its viewers fill the other active, non-open regions in spillover order
 * (lowest latency first) until each reaches 85%; what is left goes to the least-utilised of them.
 */
export function projectRegionLoss(regions: readonly RegionLoadNow[], lost: RegionId): LoadProjection {
  const byId = new Map(regions.map((region) => [region.id, region]));
  const lostRegion = byId.get(lost);
  const moving = Math.max(0, Math.round(lostRegion?.viewers ?? 0));
  const taken = new Map<RegionId, number>();
  let left = moving;
  for (const id of listSpilloverCandidates(lost)) {
    const region = byId.get(id);
    if (!region || !canTakeSpillover(region) || left === 0) continue;
    // Routing sends a viewer here while the region is strictly below 85%: it fills up to that line.
    const room = Math.max(0, Math.ceil((region.capacity * SPILLOVER_THRESHOLD_PERCENT) / 100) - region.viewers);
    const take = Math.min(room, left);
    if (take > 0) {
      taken.set(id, take);
      left -= take;
    }
  }
  if (left > 0) {
    const fallback = REGION_IDS.map((id) => byId.get(id))
      .filter((region): region is RegionLoadNow => region !== undefined && region.id !== lost && region.active)
      .sort(
        (a, b) =>
          Number(canTakeSpillover(b)) - Number(canTakeSpillover(a)) ||
          computeUtilizationPercent(a.viewers + (taken.get(a.id) ?? 0), a.capacity) -
            computeUtilizationPercent(b.viewers + (taken.get(b.id) ?? 0), b.capacity),
      )[0];
    if (fallback) {
      taken.set(fallback.id, (taken.get(fallback.id) ?? 0) + left);
      left = 0;
    }
  }
  const takers = listSpilloverCandidates(lost)
    .filter((id) => taken.has(id))
    .map((id) => {
      const region = byId.get(id)!;
      const viewers = taken.get(id)!;
      return {
        region: id,
        viewers,
        utilizationBeforePercent: computeUtilizationPercent(region.viewers, region.capacity),
        utilizationAfterPercent: computeUtilizationPercent(region.viewers + viewers, region.capacity),
      };
    });
  return { moving, takers, stranded: left };
}
