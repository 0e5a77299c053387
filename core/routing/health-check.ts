/**
 * One health check over every region (SPEC section 2, made safe): a verdict only on evidence, failback
 * only on measured health, and guards so automatic failover cannot cascade or empty the map.
 *
 * Evidence. An active region is judged on the events it processed in the check's window; a failed-over
 * region on its own viewers' events, served elsewhere meanwhile (their error rate: latency there is the
 * other region's). Fewer than `minEvents` keeps the last measured verdict: an empty window is not healthy.
 *
 * Guards on an automatic failover, in order: errors that follow the viewers (the viewers spilled in from
 * a failed-over region err while the region's own viewers do not: content or clients, not the region),
 * at most `maxAutomaticFailovers` in force at a time, and never fewer than `minActiveRegions` active.
 */
import { isFailbackHoldOver } from "./failover-guards";
import type { FlowTally } from "./flow-tally";
import {
  assessRegionHealth,
  DEFAULT_HEALTH_THRESHOLDS,
  formatMeasure,
  type FailoverMode,
  type HealthThresholds,
  type RegionHealth,
} from "./region-health";
import { getRegionConfig, REGION_IDS, type RegionId } from "./regions";

export interface HealthPolicy {
  thresholds: Readonly<HealthThresholds>;
  /** Events a window needs before it yields a verdict. */
  minEvents: number;
  /** Automatic failovers in force at once, at most. */
  maxAutomaticFailovers: number;
  /** An automatic failover never leaves fewer regions active than this. */
  minActiveRegions: number;
  /** An automatic failover is not undone before this long. */
  failbackHoldMs: number;
}

/** SPEC section 2's thresholds; 200 events per window; one automatic failover at a time; two regions always active. */
export const DEFAULT_HEALTH_POLICY: Readonly<HealthPolicy> = {
  thresholds: DEFAULT_HEALTH_THRESHOLDS,
  minEvents: 200,
  maxAutomaticFailovers: 1,
  minActiveRegions: 2,
  failbackHoldMs: 60_000,
};

/** A region as the check finds it. */
export interface RegionCheckState {
  active: boolean;
  failedOverBy: FailoverMode | null;
  failedOverAt: number | null;
  /** The last verdict made on evidence, kept while a window has too little. */
  measured: { health: RegionHealth; reason: string } | null;
}

/** What the pipeline processed in a region during the check's window. */
export interface RegionProcessing {
  events: number;
  p95LatencyMs: number;
  errorRatePercent: number;
}

export type GuardKind = "errors_follow_viewers" | "max_automatic_failovers" | "min_active_regions";

export interface RegionCheckOutcome {
  health: RegionHealth;
  /** What the board shows: the verdict and why, naming the figures. */
  reason: string;
  /** The verdict made on this window's evidence; null when the window had too little. */
  measured: { health: RegionHealth; reason: string } | null;
  action: "failover" | "failback" | "none";
  /** Why the failover the health called for was not made; null when none was refused. */
  refused: { guard: GuardKind; reason: string } | null;
}

export interface HealthCheckInput {
  regions: ReadonlyMap<RegionId, RegionCheckState>;
  processing: ReadonlyMap<RegionId, RegionProcessing>;
  /** Events routed in the window by the viewers' home region and the region that took them. */
  flows: FlowTally;
  busReachable: boolean;
  now: number;
  /** How long the window the figures cover is (since the last check), so reasons can say; null when unknown. */
  windowSeconds: number | null;
}

const NONE: RegionProcessing = { events: 0, p95LatencyMs: 0, errorRatePercent: 0 };

function nameOf(id: RegionId): string {
  return getRegionConfig(id).name;
}

function formatCount(value: number): string {
  return value.toLocaleString("en-IN");
}

/** " in the last 30 s": the window a reason's figures cover, as the board's per-second figures cover another. */
function describeWindow(windowSeconds: number | null): string {
  return windowSeconds === null ? "" : ` in the last ${formatCount(windowSeconds)} s`;
}

function describeThinWindow(events: number, within: string, policy: HealthPolicy, measured: RegionCheckState["measured"]): string {
  const thin = `not enough traffic to judge (${formatCount(events)} events${within}, ${formatCount(policy.minEvents)} needed)`;
  return measured ? `${thin}; last measured ${measured.health}: ${measured.reason}` : `${thin}; no verdict yet`;
}

/**
 * Errors follow the viewers when those spilled in err past the failover line and the region's own
 * viewers do not (or are too few to say): moving the region's load again would move the errors again.
 */
function describeErrorsFollowViewers(id: RegionId, flows: FlowTally, policy: HealthPolicy): string | null {
  const line = policy.thresholds.errorRatePercent;
  const spilledIn = flows.spilledInto(id);
  if (spilledIn.events < policy.minEvents || spilledIn.errorRatePercent <= line) return null;
  const own = flows.between(id, id);
  if (own.events >= policy.minEvents && own.errorRatePercent > line) return null;
  const from = flows
    .sourcesOf(id)
    .map((source) => nameOf(source))
    .join(", ");
  const ownText = own.events >= policy.minEvents ? `${formatMeasure(own.errorRatePercent)}% of ${nameOf(id)}'s own` : `too few of its own`;
  return (
    `errors follow the viewers: ${formatMeasure(spilledIn.errorRatePercent)}% of the viewers spilled in from ${from} err, ` +
    `${ownText}; likely content or client, not region`
  );
}

/** The verdict for an active region on what it processed. */
function judgeActive(processing: RegionProcessing, busReachable: boolean, within: string, policy: HealthPolicy) {
  if (busReachable && processing.events < policy.minEvents) return null;
  const assessment = assessRegionHealth(
    { brokerReachable: busReachable, p95ProcessingLatencyMs: processing.p95LatencyMs, errorRatePercent: processing.errorRatePercent },
    policy.thresholds,
  );
  return busReachable ? { ...assessment, reason: `${assessment.reason}${within}` } : assessment;
}

/** The verdict for a failed-over region on its own viewers, served elsewhere meanwhile. */
function judgeFailedOver(id: RegionId, flows: FlowTally, busReachable: boolean, within: string, policy: HealthPolicy) {
  if (!busReachable)
    return assessRegionHealth({ brokerReachable: false, p95ProcessingLatencyMs: 0, errorRatePercent: 0 }, policy.thresholds);
  const viewers = flows.spilledOutOf(id);
  if (viewers.events < policy.minEvents) return null;
  const line = policy.thresholds.errorRatePercent;
  const rate = `error rate ${formatMeasure(viewers.errorRatePercent)}%`;
  const where = `its viewers, served elsewhere: ${rate}`;
  const over = viewers.errorRatePercent > line;
  return {
    health: over ? ("unhealthy" as const) : ("healthy" as const),
    reason: `${where} ${over ? ">" : "≤"} ${formatMeasure(line)}% over ${formatCount(viewers.events)} events${within}`,
    failover: over,
  };
}

/**
 * Checks every region once. Failbacks are decided first (each frees a slot), then the failovers the
 * health calls for, worst error rate first, each counted against the guards as it is made.
 */
export function checkRegionHealth(input: HealthCheckInput, policy: HealthPolicy): Map<RegionId, RegionCheckOutcome> {
  const outcomes = new Map<RegionId, RegionCheckOutcome>();
  let active = 0;
  let automatic = 0;
  for (const id of REGION_IDS) {
    const state = input.regions.get(id)!;
    if (state.active) active++;
    else if (state.failedOverBy === "automatic") automatic++;
  }
  const candidates: { id: RegionId; errorRatePercent: number; outcome: RegionCheckOutcome }[] = [];
  const within = describeWindow(input.windowSeconds);

  for (const id of REGION_IDS) {
    const state = input.regions.get(id)!;
    const processing = input.processing.get(id) ?? NONE;
    const verdict = state.active
      ? judgeActive(processing, input.busReachable, within, policy)
      : judgeFailedOver(id, input.flows, input.busReachable, within, policy);
    const measured = verdict ? { health: verdict.health, reason: verdict.reason } : null;
    const shown = measured ?? {
      health: state.measured?.health ?? "unknown",
      reason: describeThinWindow(state.active ? processing.events : input.flows.spilledOutOf(id).events, within, policy, state.measured),
    };
    const outcome: RegionCheckOutcome = { ...shown, measured, action: "none", refused: null };
    outcomes.set(id, outcome);
    if (!verdict) continue;
    if (state.active && verdict.failover) {
      candidates.push({ id, errorRatePercent: processing.errorRatePercent, outcome });
    } else if (!state.active && state.failedOverBy === "automatic" && verdict.health === "healthy") {
      if (isFailbackHoldOver(state.failedOverAt, input.now, policy.failbackHoldMs)) {
        outcome.action = "failback";
        active++;
        automatic--;
      }
    }
  }

  candidates.sort((a, b) => b.errorRatePercent - a.errorRatePercent);
  for (const { id, outcome } of candidates) {
    const follows = input.busReachable ? describeErrorsFollowViewers(id, input.flows, policy) : null;
    if (follows) outcome.refused = { guard: "errors_follow_viewers", reason: follows };
    else if (automatic >= policy.maxAutomaticFailovers) {
      outcome.refused = {
        guard: "max_automatic_failovers",
        reason: `${automatic} automatic failover${automatic === 1 ? "" : "s"} in force already, at most ${policy.maxAutomaticFailovers} at a time; an operator decides`,
      };
    } else if (active - 1 < policy.minActiveRegions) {
      outcome.refused = {
        guard: "min_active_regions",
        reason: `only ${active} region${active === 1 ? "" : "s"} active; automatic failover keeps at least ${policy.minActiveRegions}`,
      };
    } else {
      outcome.action = "failover";
      active--;
      automatic++;
    }
  }
  return outcomes;
}
