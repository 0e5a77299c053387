import {
  advanceCircuit,
  createCircuitBreaker,
  recordCircuitFailure,
  recordCircuitSuccess,
  resetCircuit,
  tripCircuit,
  type CircuitBreaker,
} from "@/core/routing/circuit-breaker";
import { refuseManualFailback, refuseManualFailover } from "@/core/routing/failover-guards";
import { FlowTally } from "@/core/routing/flow-tally";
import {
  checkRegionHealth,
  type GuardKind,
  type HealthPolicy,
  type RegionCheckState,
  type RegionProcessing,
} from "@/core/routing/health-check";
import type { FailoverMode, RegionHealth } from "@/core/routing/region-health";
import { REGION_IDS, REGIONS, getRegionConfig, type RegionId } from "@/core/routing/regions";
import {
  computeUtilizationPercent,
  selectHomeRegion,
  selectTargetRegion,
  type RegionLoad,
  type RoutableEvent,
  type RoutingStrategy,
} from "@/core/routing/routing";
import type { RegionAction, RegionChange, RegionView } from "@/core/routing/region-state";
import { AppError } from "../errors";

export type { RegionAction, RegionChange, RegionView };

/** What a region processed over the interval since the last check. */
export type RegionMeasurement = RegionProcessing;

interface RegionState extends RegionCheckState {
  breaker: CircuitBreaker;
  health: RegionHealth;
  healthReason: string;
  /** The guard that refused this region's failover at the last check, so a refusal is recorded once, not every check. */
  refusedBy: GuardKind | null;
}

/** A routable event; error events are tallied so the health check knows whose viewers err. */
export interface RoutedEvent extends RoutableEvent {
  eventType?: string;
}

export interface RegionManagerOptions {
  strategy: RoutingStrategy;
  /** The health rules' thresholds, evidence and guards (SPEC section 2 made safe, core/routing/health-check.ts). */
  policy: HealthPolicy;
  /** Receives every change (to persist and show); must not throw. */
  onChange: (change: RegionChange) => void;
  /** When routing began counting, so the first check's reasons can say how long a window they cover. */
  startedAt?: number;
}

const RECENT_CHANGES = 100;

/**
 * The live routing state of every region: active or failed over, its circuit breaker, its health.
 * Routes each event (strategy, then spillover) without allocating, counts spillover, applies the
 * health rules at each check, and takes operators' manual actions.
 */
export class RegionManager {
  private readonly states = new Map<RegionId, RegionState>();
  // Mutated in place and read by routing on every event.
  private readonly loads = {} as Record<RegionId, RegionLoad>;
  // Routed events by home and target: per snapshot second for the board, per health check for the verdicts.
  private secondFlows = new FlowTally();
  private readonly checkFlows = new FlowTally();
  private readonly recent: RegionChange[] = [];
  private lastCheckAt: number | null;
  private readonly isActive = (id: RegionId): boolean => this.states.get(id)!.active;

  constructor(private readonly options: RegionManagerOptions) {
    this.lastCheckAt = options.startedAt ?? null;
    for (const id of REGION_IDS) {
      this.states.set(id, {
        active: true,
        failedOverBy: null,
        failedOverAt: null,
        measured: null,
        breaker: createCircuitBreaker(),
        health: "unknown",
        healthReason: "no check yet",
        refusedBy: null,
      });
      this.loads[id] = { active: true, utilizationPercent: 0, circuit: "closed" };
    }
  }

  /** Where one event is processed: its home by strategy, moved by spillover when the home cannot take it. */
  route(event: RoutedEvent): RegionId {
    const home = selectHomeRegion(event, this.options.strategy, this.loads);
    const target = selectTargetRegion(home, this.loads);
    const isError = event.eventType === "error";
    this.secondFlows.count(home, target, isError);
    this.checkFlows.count(home, target, isError);
    return target;
  }

  /** Events routed since the last call, by home and target region (spillover among them); then counts afresh. */
  takeFlows(): FlowTally {
    const taken = this.secondFlows;
    this.secondFlows = new FlowTally();
    return taken;
  }

  /** Refreshes utilisation from concurrent viewers and moves open circuits past their cool-down. */
  refresh(viewers: ReadonlyMap<RegionId, number>, now: number): void {
    for (const region of REGIONS) {
      const state = this.states.get(region.id)!;
      this.loads[region.id].utilizationPercent = computeUtilizationPercent(viewers.get(region.id) ?? 0, region.capacity);
      const advanced = advanceCircuit(state.breaker, now);
      if (advanced !== state.breaker) this.setBreaker(region.id, advanced, "automatic", "cool-down over: letting a probe through", now);
    }
  }

  recordSuccess(region: RegionId, now: number): void {
    const state = this.states.get(region)!;
    const next = recordCircuitSuccess(state.breaker);
    if (next !== state.breaker) this.setBreaker(region, next, "automatic", "processing succeeded", now);
  }

  recordFailure(region: RegionId, error: string, now: number): void {
    const state = this.states.get(region)!;
    this.setBreaker(region, recordCircuitFailure(state.breaker, now), "automatic", error, now);
  }

  /**
   * Applies the health rules to what each region processed and whose viewers erred since the last
   * check: verdicts, automatic failovers and failbacks, and each failover a guard refused (recorded
   * once when the refusal begins, and again if another guard takes over).
   */
  checkHealth(measurements: ReadonlyMap<RegionId, RegionMeasurement>, busReachable: boolean, now: number): void {
    const outcomes = checkRegionHealth(
      {
        regions: this.states,
        processing: measurements,
        flows: this.checkFlows,
        busReachable,
        now,
        windowSeconds: this.lastCheckAt === null ? null : Math.round((now - this.lastCheckAt) / 1000),
      },
      this.options.policy,
    );
    this.checkFlows.reset();
    this.lastCheckAt = now;
    for (const [id, outcome] of outcomes) {
      const state = this.states.get(id)!;
      state.health = outcome.health;
      state.healthReason = outcome.refused ? `${outcome.reason}; not failed over: ${outcome.refused.reason}` : outcome.reason;
      if (outcome.measured) state.measured = outcome.measured;
      if (outcome.refused && outcome.refused.guard !== state.refusedBy) {
        this.record({ region: id, action: "failover_refused", mode: "automatic", reason: state.healthReason, at: now, actor: null });
      }
      state.refusedBy = outcome.refused?.guard ?? null;
      if (outcome.action === "failover") this.setActive(id, false, "automatic", `${outcome.health}: ${outcome.reason}`, now);
      if (outcome.action === "failback") this.setActive(id, true, "automatic", `healthy again: ${outcome.reason}`, now);
    }
  }

  /** An operator takes a region out of routing; only an operator brings it back. */
  failover(id: RegionId, reason: string, now: number, actor: string | null = null): RegionView {
    const refusal = refuseManualFailover(id, this.states.get(id)!, this.isActive);
    if (refusal) throw new AppError("conflict", refusal);
    this.setActive(id, false, "manual", reason, now, actor);
    return this.describe(id);
  }

  failback(id: RegionId, reason: string, now: number, actor: string | null = null): RegionView {
    const refusal = refuseManualFailback(id, this.states.get(id)!.active);
    if (refusal) throw new AppError("conflict", refusal);
    this.setActive(id, true, "manual", reason, now, actor);
    return this.describe(id);
  }

  setBreakerByHand(id: RegionId, action: "trip" | "reset", reason: string, now: number, actor: string | null = null): RegionView {
    const state = this.states.get(id)!;
    const already = action === "trip" ? state.breaker.state === "open" : state.breaker.state === "closed";
    if (already) throw new AppError("conflict", `${getRegionConfig(id).name}'s breaker is ${state.breaker.state} already.`);
    this.setBreaker(
      id,
      action === "trip" ? tripCircuit(state.breaker, now) : resetCircuit(),
      "manual",
      reason,
      now,
      action === "trip" ? "breaker_trip" : "breaker_reset",
      actor,
    );
    return this.describe(id);
  }

  describe(id: RegionId): RegionView {
    const state = this.states.get(id)!;
    return { active: state.active, circuit: state.breaker.state, health: state.health, healthReason: state.healthReason };
  }

  /** The latest changes, newest first. */
  recentChanges(): RegionChange[] {
    return [...this.recent].reverse();
  }

  private setActive(id: RegionId, active: boolean, mode: FailoverMode, reason: string, now: number, actor: string | null = null): void {
    const state = this.states.get(id)!;
    state.active = active;
    state.failedOverBy = active ? null : mode;
    state.failedOverAt = active ? null : now;
    this.loads[id].active = active;
    this.record({ region: id, action: active ? "failback" : "failover", mode, reason, at: now, actor });
  }

  private setBreaker(
    id: RegionId,
    next: CircuitBreaker,
    mode: FailoverMode,
    reason: string,
    now: number,
    action?: RegionAction,
    actor: string | null = null,
  ): void {
    const state = this.states.get(id)!;
    const before = state.breaker.state;
    state.breaker = next;
    this.loads[id].circuit = next.state;
    if (action) this.record({ region: id, action, mode, reason, at: now, actor });
    else if (before !== next.state && next.state !== "half_open") {
      this.record({ region: id, action: next.state === "open" ? "breaker_open" : "breaker_close", mode, reason, at: now, actor: null });
    }
  }

  private record(change: RegionChange): void {
    this.recent.push(change);
    if (this.recent.length > RECENT_CHANGES) this.recent.shift();
    this.options.onChange(change);
  }
}
