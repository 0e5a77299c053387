import {
  advanceCircuit,
  createCircuitBreaker,
  recordCircuitFailure,
  recordCircuitSuccess,
  resetCircuit,
  tripCircuit,
  type CircuitBreaker,
} from "@/core/routing/circuit-breaker";
import {
  describeKeptAsLastActive,
  isFailbackHoldOver,
  isLastActiveRegion,
  refuseManualFailback,
  refuseManualFailover,
} from "@/core/routing/failover-guards";
import { assessRegionHealth, decideFailover, type FailoverMode, type RegionHealth } from "@/core/routing/region-health";
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

/** A region's health-check inputs, measured over the interval since the last check. */
export interface RegionMeasurement {
  events: number;
  p95LatencyMs: number;
  errorRatePercent: number;
}

interface RegionState {
  active: boolean;
  failedOverBy: FailoverMode | null;
  failedOverAt: number | null;
  breaker: CircuitBreaker;
  health: RegionHealth;
  healthReason: string;
}

export interface RegionManagerOptions {
  strategy: RoutingStrategy;
  /** An automatic failover is not undone before this long, so a region without traffic cannot flap back at once. */
  failbackHoldMs: number;
  /** Receives every change (to persist and show); must not throw. */
  onChange: (change: RegionChange) => void;
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
  private spillOut = new Map<RegionId, number>();
  private spillIn = new Map<RegionId, number>();
  private readonly recent: RegionChange[] = [];
  private readonly isActive = (id: RegionId): boolean => this.states.get(id)!.active;

  constructor(private readonly options: RegionManagerOptions) {
    for (const id of REGION_IDS) {
      this.states.set(id, {
        active: true,
        failedOverBy: null,
        failedOverAt: null,
        breaker: createCircuitBreaker(),
        health: "healthy",
        healthReason: "no check yet",
      });
      this.loads[id] = { active: true, utilizationPercent: 0, circuit: "closed" };
      this.spillOut.set(id, 0);
      this.spillIn.set(id, 0);
    }
  }

  /** Where one event is processed: its home by strategy, moved by spillover when the home cannot take it. */
  route(event: RoutableEvent): RegionId {
    const home = selectHomeRegion(event, this.options.strategy, this.loads);
    const target = selectTargetRegion(home, this.loads);
    if (target !== home) {
      this.spillOut.set(home, this.spillOut.get(home)! + 1);
      this.spillIn.set(target, this.spillIn.get(target)! + 1);
    }
    return target;
  }

  /** Spillover counts since the last call, then starts counting afresh. */
  takeSpillover(): { in: Map<RegionId, number>; out: Map<RegionId, number> } {
    const taken = { in: this.spillIn, out: this.spillOut };
    this.spillIn = new Map(REGION_IDS.map((id) => [id, 0]));
    this.spillOut = new Map(REGION_IDS.map((id) => [id, 0]));
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

  /** Applies SPEC section 2's health rules to each region's measurements: health, then automatic failover / failback. */
  checkHealth(measurements: ReadonlyMap<RegionId, RegionMeasurement>, busReachable: boolean, now: number): void {
    for (const id of REGION_IDS) {
      const state = this.states.get(id)!;
      const measured = measurements.get(id) ?? { events: 0, p95LatencyMs: 0, errorRatePercent: 0 };
      const assessment = assessRegionHealth({
        brokerReachable: busReachable,
        p95ProcessingLatencyMs: measured.p95LatencyMs,
        errorRatePercent: measured.errorRatePercent,
      });
      state.health = assessment.health;
      state.healthReason = measured.events === 0 && busReachable ? "no traffic in the last check" : assessment.reason;
      const decision = decideFailover({ active: state.active, failedOverBy: state.failedOverBy, assessment });
      if (decision.action === "failover") {
        // The last active region stays in routing, however sick: taking it out would leave nowhere to send events.
        if (isLastActiveRegion(id, this.isActive)) state.healthReason = describeKeptAsLastActive(assessment.reason);
        else this.setActive(id, false, "automatic", decision.reason, now);
      }
      if (decision.action === "failback" && isFailbackHoldOver(state.failedOverAt, now, this.options.failbackHoldMs)) {
        this.setActive(id, true, "automatic", decision.reason, now);
      }
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
