/**
 * SPEC section 2's event routing: four strategies pick an event's home region, then spillover moves
 * it off a home that is inactive, has an open circuit or is over 85% utilised. Nothing is ever dropped.
 *
 * Hot path: `selectHomeRegion` and `selectTargetRegion` return region ids (strings) and allocate
 * nothing; `describeSpillover` gives the reason separately when a caller wants it. `routeEvent`
 * composes the three into one small `{ region, home, reason }` object for convenience.
 */
import { evaluateThreshold, METRIC_THRESHOLDS } from "../metrics/thresholds";
import type { CircuitState } from "./circuit-breaker";
import { PRIORITY_REGION, REGION_IDS, latencyBetweenRegions, routeCityToRegion, routeContentTypeToRegion, type RegionId } from "./regions";

export const ROUTING_STRATEGIES = ["proximity", "load_balanced", "priority", "content_type"] as const;
export type RoutingStrategy = (typeof ROUTING_STRATEGIES)[number];

/** Above this utilisation a region spills new load over; a spillover target must be strictly below it. */
export const SPILLOVER_THRESHOLD_PERCENT = METRIC_THRESHOLDS.utilization_percent.critical;
/** Above this utilisation a region raises a warning. */
export const UTILIZATION_WARNING_PERCENT = METRIC_THRESHOLDS.utilization_percent.warning;
/** Events with priority ≤ this go to the priority region under the `priority` strategy. */
export const HIGH_PRIORITY_MAX = 3;
/** SPEC section 1's default priority when an event carries none. */
export const DEFAULT_PRIORITY = 5;

/** What routing needs to know about one region right now. */
export interface RegionLoad {
  active: boolean;
  utilizationPercent: number;
  circuit: CircuitState;
}

/** The routing view: one entry per configured region. */
export type RegionLoads = Readonly<Record<RegionId, RegionLoad>>;

/** The fields of an event routing reads (a ViewerEvent fits). */
export interface RoutableEvent {
  location: string;
  priority?: number;
  contentType?: string;
}

export type SpilloverReason = "inactive" | "circuit_open" | "over_capacity";

export interface RouteDecision {
  /** Where the event is processed. */
  region: RegionId;
  /** Where the strategy wanted it. */
  home: RegionId;
  /** Why it left home; null exactly when region === home. */
  reason: SpilloverReason | null;
}

/** Ranks the other regions for spillover from `from`: ascending latency, ties by registry order. */
export function rankSpilloverCandidates(
  from: RegionId,
  latencyOf: (a: RegionId, b: RegionId) => number = latencyBetweenRegions,
): RegionId[] {
  return REGION_IDS.filter((to) => to !== from)
    .map((to, index) => ({ to, index, ms: latencyOf(from, to) }))
    .sort((x, y) => x.ms - y.ms || x.index - y.index)
    .map((candidate) => candidate.to);
}

/** rankSpilloverCandidates for every region, built once so routing allocates nothing. */
const SPILLOVER_ORDER: Readonly<Record<RegionId, readonly RegionId[]>> = (() => {
  const order = {} as Record<RegionId, readonly RegionId[]>;
  for (const from of REGION_IDS) order[from] = rankSpilloverCandidates(from);
  return order;
})();

/** Returns the other regions in the order spillover from `from` tries them (precomputed rankSpilloverCandidates). */
export function listSpilloverCandidates(from: RegionId): readonly RegionId[] {
  return SPILLOVER_ORDER[from];
}

/** Utilisation in percent: concurrent viewers against capacity; a region with no capacity counts as full (100). */
export function computeUtilizationPercent(concurrentViewers: number, capacity: number): number {
  return capacity > 0 ? (concurrentViewers / capacity) * 100 : 100;
}

/** Whether a utilisation raises the warning: strictly above 80%. */
export function hasUtilizationWarning(utilizationPercent: number): boolean {
  return evaluateThreshold("utilization_percent", utilizationPercent) !== "ok";
}

/** Whether a region must spill its new load: inactive, circuit open, or strictly above 85%. */
export function needsSpillover(load: RegionLoad): boolean {
  // Per event on the hot path: one comparison with the table's spillover line, not a grading.
  return !load.active || load.circuit === "open" || load.utilizationPercent > SPILLOVER_THRESHOLD_PERCENT;
}

/** Why a region spills, most serious first (inactive, then circuit_open, then over_capacity); null when it does not. */
export function spilloverReasonOf(load: RegionLoad): SpilloverReason | null {
  if (!load.active) return "inactive";
  if (load.circuit === "open") return "circuit_open";
  if (load.utilizationPercent > SPILLOVER_THRESHOLD_PERCENT) return "over_capacity";
  return null;
}

/** Picks the least-utilised active region (ties by registry order), optionally skipping open circuits; null if none. */
function findLeastUtilized(loads: RegionLoads, skipOpen: boolean): RegionId | null {
  let best: RegionId | null = null;
  let bestUtilization = Number.POSITIVE_INFINITY;
  for (let i = 0; i < REGION_IDS.length; i++) {
    const id = REGION_IDS[i] as RegionId;
    const load = loads[id];
    if (!load.active || (skipOpen && load.circuit === "open")) continue;
    // Strict < keeps the earlier region on ties; the first active region always beats +Infinity, even a NaN one.
    if (best === null || load.utilizationPercent < bestUtilization) {
      best = id;
      bestUtilization = load.utilizationPercent;
    }
  }
  return best;
}

/** load_balanced: the least-utilised active region, ties by registry order; with no active region, the event's city region. */
export function selectLeastLoadedRegion(loads: RegionLoads, fallback: RegionId): RegionId {
  return findLeastUtilized(loads, false) ?? fallback;
}

/**
 * Picks the home region by strategy: proximity = city map; load_balanced = least-utilised active
 * region; priority = priority ≤ 3 → the priority region (mumbai), else load_balanced; content_type =
 * the configured map, else proximity. Allocates nothing.
 */
export function selectHomeRegion(
  event: RoutableEvent,
  strategy: RoutingStrategy,
  loads: RegionLoads,
  priorityRegion: RegionId = PRIORITY_REGION,
): RegionId {
  switch (strategy) {
    case "proximity":
      return routeCityToRegion(event.location);
    case "load_balanced":
      return selectLeastLoadedRegion(loads, routeCityToRegion(event.location));
    case "priority":
      return (event.priority ?? DEFAULT_PRIORITY) <= HIGH_PRIORITY_MAX
        ? priorityRegion
        : selectLeastLoadedRegion(loads, routeCityToRegion(event.location));
    case "content_type":
      return (event.contentType === undefined ? null : routeContentTypeToRegion(event.contentType)) ?? routeCityToRegion(event.location);
  }
}

/**
 * Spillover: a home that needs it goes to the lowest-latency active region with utilisation < 85%
 * and a circuit not open (ties by registry order); if none qualifies, home stays if active and not
 * open, else the least-utilised active non-open region, else the least-utilised active region; with
 * no active region at all the event stays home (queued there, never dropped). Allocates nothing.
 */
export function selectTargetRegion(home: RegionId, loads: RegionLoads): RegionId {
  const homeLoad = loads[home];
  if (!needsSpillover(homeLoad)) return home;
  const candidates = SPILLOVER_ORDER[home];
  for (let i = 0; i < candidates.length; i++) {
    const candidate = candidates[i] as RegionId;
    const load = loads[candidate];
    if (load.active && load.circuit !== "open" && load.utilizationPercent < SPILLOVER_THRESHOLD_PERCENT) return candidate;
  }
  if (homeLoad.active && homeLoad.circuit !== "open") return home;
  return findLeastUtilized(loads, true) ?? findLeastUtilized(loads, false) ?? home;
}

/** The reason an event routed to `region` left `home`: null when it stayed, else the home's most serious spill cause. */
export function describeSpillover(home: RegionId, region: RegionId, loads: RegionLoads): SpilloverReason | null {
  return region === home ? null : spilloverReasonOf(loads[home]);
}

/** Routes one event: home by strategy, then spillover; returns `{ region, home, reason }` (the only allocation). */
export function routeEvent(
  event: RoutableEvent,
  strategy: RoutingStrategy,
  loads: RegionLoads,
  priorityRegion: RegionId = PRIORITY_REGION,
): RouteDecision {
  const home = selectHomeRegion(event, strategy, loads, priorityRegion);
  const region = selectTargetRegion(home, loads);
  return { region, home, reason: describeSpillover(home, region, loads) };
}
