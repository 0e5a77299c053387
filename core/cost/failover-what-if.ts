/**
 * The failover what-if: a region down for a month, its load on the scenario's nearest other region at
 * that region's rates, and what it costs, adds in latency and needs in instances.
 */
import type { CostScenario, Fleet } from "./cost-scenario";
import {
  addFractions,
  ceilFraction,
  divideFractions,
  formatInr,
  fractionToPercent,
  multiplyFractions,
  multiplyRate,
  paiseToRupees,
  sumPaise,
  toFraction,
  type Fraction,
} from "./money";
import { priceWorkload, toRegionCost, type ComponentCosts, type RegionCost } from "./pricing";
import { buildScenarioModel, countMonthlyInstanceHours, provisionInstances, type RegionModel } from "./scenario-model";
import { evaluateThreshold, type ThresholdLevel } from "../metrics/thresholds";
import { getRegionPosition, latencyBetweenRegions, type RegionId } from "../routing/regions";

function formatHour(hour: number): string {
  return `${String(hour).padStart(2, "0")}:00 IST`;
}

export interface FailoverCost {
  failedRegion: RegionId;
  /** The lowest-latency other region of the scenario (ties by registry order); null when it has no other region. */
  takerRegion: RegionId | null;
  /** What the failed region's users add: the latency from their region to the taker. */
  latencyMs: number | null;
  /** SPEC section 5's inter-region latency grade of that figure. */
  latencyLevel: ThresholdLevel | null;
  withinLatencyBound: boolean | null;
  peakHour: number;
  /** Both loads at the peak hour on the taker's current fleet, before it scales: %, one decimal. */
  takerPeakUtilizationPercent: number | null;
  takerPeakInstancesBefore: number | null;
  takerPeakInstancesAfter: number | null;
  currentInr: number;
  /** The month with the failed region down and the taker serving both loads. */
  failoverInr: number;
  /** failoverInr − currentInr. */
  deltaInr: number;
  regions: RegionCost[];
  actions: string[];
}

/** Fleet of the taker carrying both loads: its own size or more, every hour, so it never under-serves. */
function resizeTakerFleet(fleet: Fleet, combinedLoad: Fraction, shares: readonly Fraction[]): number[] {
  const peakNeed = ceilFraction(combinedLoad);
  if (fleet.type === "fixed") return shares.map(() => Math.max(fleet.instances, peakNeed));
  const raised = { ...fleet, max: Math.max(fleet.max, peakNeed) };
  return shares.map((share) => provisionInstances(raised, multiplyFractions(share, combinedLoad)));
}

/**
 * The failed region's peak load counted in the taker's instances: by events/s where both fleets state
 * what one instance serves (their capacities may differ), otherwise instance for instance.
 */
function convertLoadForTaker(failed: RegionModel, taker: RegionModel): Fraction {
  const takerFleet = taker.entry.fleet;
  if (failed.entry.fleet.type !== "autoscale" || takerFleet.type !== "autoscale") return failed.peakLoad;
  return divideFractions(toFraction(failed.entry.peakEventsPerSecond), toFraction(takerFleet.eventsPerSecondPerInstance));
}

/** Fails a region over for a month: all its load moves to the scenario's lowest-latency other region, at that region's rates. */
export function evaluateFailoverCost(scenario: CostScenario, failedRegion: RegionId): FailoverCost {
  const model = buildScenarioModel(scenario);
  const failed = model.regions.find((region) => region.entry.region === failedRegion);
  if (!failed) throw new RangeError(`${failedRegion} is not in the scenario`);
  const taker =
    model.regions
      .filter((region) => region !== failed)
      .sort(
        (a, b) =>
          latencyBetweenRegions(failedRegion, a.entry.region) - latencyBetweenRegions(failedRegion, b.entry.region) ||
          getRegionPosition(a.entry.region) - getRegionPosition(b.entry.region),
      )[0] ?? null;

  const base = { failedRegion, peakHour: model.peakHour, currentInr: paiseToRupees(model.totalPaise) };

  if (!taker) {
    // A one-region scenario: nothing is left running, so nothing is billed and nobody is served.
    return {
      ...base,
      takerRegion: null,
      latencyMs: null,
      latencyLevel: null,
      withinLatencyBound: null,
      takerPeakUtilizationPercent: null,
      takerPeakInstancesBefore: null,
      takerPeakInstancesAfter: null,
      failoverInr: 0,
      deltaInr: paiseToRupees(-model.totalPaise),
      regions: [],
      actions: [`No other region in the scenario can take ${failedRegion}'s load: its users would go unserved`],
    };
  }

  const rows = model.regions
    .filter((region) => region !== failed && region !== taker)
    .map((region) => ({ region, costs: region.costs, hours: region.workload.instanceHours, estimate: region.rates.estimate }));

  const combinedLoad = addFractions(taker.peakLoad, convertLoadForTaker(failed, taker));
  const resized = resizeTakerFleet(taker.entry.fleet, combinedLoad, model.shares);
  const instanceHours = countMonthlyInstanceHours(resized);
  // The failed region's storage, traffic and partitions are priced at the taker's rates, each component rounded once.
  const moved = priceWorkload(failed.workload, taker.rates);
  const compute = multiplyRate(taker.rates.computePerInstanceHour, instanceHours);
  const storage = sumPaise([taker.costs.storage, moved.storage]);
  const network = sumPaise([taker.costs.network, moved.network]);
  const kafka = sumPaise([taker.costs.kafka, moved.kafka]);
  const takerCosts: ComponentCosts = { compute, storage, network, kafka, total: sumPaise([compute, storage, network, kafka]) };
  const allRows = [...rows, { region: taker, costs: takerCosts, hours: instanceHours, estimate: taker.rates.estimate }].sort(
    (a, b) => getRegionPosition(a.region.entry.region) - getRegionPosition(b.region.entry.region),
  );
  const failoverPaise = sumPaise(allRows.map((row) => row.costs.total));

  const latencyMs = latencyBetweenRegions(failedRegion, taker.entry.region);
  const before = taker.hourly[model.peakHour] ?? 0;
  const after = resized[model.peakHour] ?? 0;
  const utilisation = fractionToPercent(divideFractions(combinedLoad, toFraction(before)));
  const deltaPaise = failoverPaise - model.totalPaise;
  const takerId = taker.entry.region;
  const withinLatencyBound = latencyMs <= scenario.latencyBoundMs;
  const actions = [
    `Route ${failedRegion}'s users to ${takerId}: +${latencyMs} ms (${withinLatencyBound ? "within" : "beyond"} the ${scenario.latencyBoundMs} ms bound)`,
    after > before
      ? `Scale ${takerId} from ${before} to ${after} instances at ${formatHour(model.peakHour)}: both loads would run it at ${utilisation}%`
      : `${takerId} carries both loads on its ${before} instances at ${formatHour(model.peakHour)} (${utilisation}%)`,
    `${deltaPaise >= 0 ? "Costs" : "Saves"} ${formatInr(Math.abs(deltaPaise))} a month while ${failedRegion} is down`,
  ];
  return {
    ...base,
    takerRegion: takerId,
    latencyMs,
    latencyLevel: evaluateThreshold("inter_region_latency_ms", latencyMs),
    withinLatencyBound,
    takerPeakUtilizationPercent: utilisation,
    takerPeakInstancesBefore: before,
    takerPeakInstancesAfter: after,
    failoverInr: paiseToRupees(failoverPaise),
    deltaInr: paiseToRupees(deltaPaise),
    regions: allRows.map((row) => toRegionCost(row.region.entry.region, row.hours, row.costs, row.estimate)),
    actions,
  };
}
