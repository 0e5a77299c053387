/**
 * What a region control would do to the others: where a region's viewers go when it stops taking
 * load (failover, or an open breaker), following the routing rules of SPEC section 2.
 */
import type { CircuitState } from "./circuit-breaker";
import { computeUtilizationPercent, listSpilloverCandidates, SPILLOVER_THRESHOLD_PERCENT, type RoutingStrategy } from "./routing";
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

/** Steps the least-utilised fill moves viewers in: fine enough to level regions, few enough to stay cheap. */
const LEVELLING_STEPS = 200;

/**
 * Projects losing `lost`. Under proximity and content_type its viewers fill the other active,
 * non-open regions in spillover order (lowest latency first) until each reaches 85%, and what is
 * left goes to the least-utilised of them. Under load_balanced and priority each viewer goes to the
 * least-utilised active region, so the regions are levelled.
 */
export function projectRegionLoss(
  regions: readonly RegionLoadNow[],
  lost: RegionId,
  strategy: RoutingStrategy = "proximity",
): LoadProjection {
  const byId = new Map(regions.map((region) => [region.id, region]));
  const lostRegion = byId.get(lost);
  const moving = Math.max(0, Math.round(lostRegion?.viewers ?? 0));
  const taken = new Map<RegionId, number>();
  let left = moving;
  if (strategy === "load_balanced" || strategy === "priority") left = levelLoad(regions, lost, moving, taken);
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

/** Hands `moving` viewers out in small steps, each to the least-utilised active region at that moment; answers what found no region. */
function levelLoad(regions: readonly RegionLoadNow[], lost: RegionId, moving: number, taken: Map<RegionId, number>): number {
  const active = regions.filter((region) => region.id !== lost && region.active);
  // An open breaker spills what it is given, so open regions take load only when nothing else can.
  const closed = active.filter(canTakeSpillover);
  const takers = closed.length > 0 ? closed : active;
  if (takers.length === 0) return moving;
  const step = Math.max(1, Math.ceil(moving / LEVELLING_STEPS));
  let left = moving;
  while (left > 0) {
    const chunk = Math.min(step, left);
    let best = takers[0]!;
    for (const region of takers) {
      const utilisation = computeUtilizationPercent(region.viewers + (taken.get(region.id) ?? 0), region.capacity);
      if (utilisation < computeUtilizationPercent(best.viewers + (taken.get(best.id) ?? 0), best.capacity)) best = region;
    }
    taken.set(best.id, (taken.get(best.id) ?? 0) + chunk);
    left -= chunk;
  }
  return 0;
}
