/**
 * A scenario read as load: each region's peak load, the instances it runs each hour, its month's
 * workload and that workload priced, the base every optimisation and what-if starts from.
 *
 * Load is counted in instances: a fixed fleet is taken as sized for the pattern's busiest hour (the only
 * size at which it serves every hour), an autoscaling fleet needs peak events/s ÷ per-instance capacity.
 * At hour h the load is the peak load × multiplier(h) ÷ the pattern's largest multiplier.
 */
import { HOURS_PER_DAY, type CostScenario, type Fleet, type ScenarioRegion } from "./cost-scenario";
import { ceilFraction, divideFractions, multiplyFractions, sumPaise, toFraction, type Fraction, type Paise } from "./money";
import { priceWorkload, resolveRates, type ComponentCosts, type ResolvedRates, type Workload } from "./pricing";
import type { RegionId } from "../routing/regions";

/** SPEC section 6: a month is 30 days (720 h). */
export const DAYS_PER_MONTH = 30;
export const HOURS_PER_MONTH = DAYS_PER_MONTH * HOURS_PER_DAY;

export interface RegionModel {
  entry: ScenarioRegion;
  rates: ResolvedRates;
  /** Load at the busiest hour, in instances. */
  peakLoad: Fraction;
  /** Instances running at each hour of the day. */
  hourly: number[];
  workload: Workload;
  costs: ComponentCosts;
}

export interface ScenarioModel {
  scenario: CostScenario;
  shares: Fraction[];
  peakHour: number;
  regions: RegionModel[];
  totalPaise: Paise;
  ratesOf: (region: RegionId) => ResolvedRates;
}

function findPeakHour(pattern: readonly number[]): number {
  return pattern.reduce((best, multiplier, hour) => (multiplier > (pattern[best] ?? 0) ? hour : best), 0);
}

/** Each hour's multiplier as an exact share of the busiest hour's (1 at the peak). */
function computeHourlyShares(pattern: readonly number[]): Fraction[] {
  const peak = toFraction(pattern[findPeakHour(pattern)] ?? 0);
  return pattern.map((multiplier) => divideFractions(toFraction(multiplier), peak));
}

function computePeakLoad(entry: ScenarioRegion): Fraction {
  const fleet = entry.fleet;
  if (fleet.type === "fixed") return toFraction(fleet.instances);
  return divideFractions(toFraction(entry.peakEventsPerSecond), toFraction(fleet.eventsPerSecondPerInstance));
}

function clamp(value: number, min: number, max: number): number {
  return Math.min(max, Math.max(min, value));
}

/** Instances a fleet runs for a demand (in instances): a fixed fleet its size, an autoscaling one the demand within min…max. */
export function provisionInstances(fleet: Fleet, demand: Fraction): number {
  return fleet.type === "fixed" ? fleet.instances : clamp(ceilFraction(demand), fleet.min, fleet.max);
}

/** A month of a day's hourly instance counts. */
export function countMonthlyInstanceHours(hourly: readonly number[]): number {
  return hourly.reduce((sum, instances) => sum + instances, 0) * DAYS_PER_MONTH;
}

function buildRegionModel(entry: ScenarioRegion, shares: readonly Fraction[]): RegionModel {
  const rates = resolveRates(entry.region, entry.rates);
  const peakLoad = computePeakLoad(entry);
  const hourly = shares.map((share) => provisionInstances(entry.fleet, multiplyFractions(share, peakLoad)));
  const workload: Workload = {
    instanceHours: countMonthlyInstanceHours(hourly),
    storageGb: entry.storageGb,
    storagePriceFactor: 1,
    networkGb: entry.networkGb,
    networkFactor: 1,
    partitions: entry.partitions,
  };
  return { entry, rates, peakLoad, hourly, workload, costs: priceWorkload(workload, rates) };
}

/** Reads a parsed scenario into per-region models and its current monthly total. */
export function buildScenarioModel(scenario: CostScenario): ScenarioModel {
  const shares = computeHourlyShares(scenario.trafficPattern);
  const regions = scenario.regions.map((entry) => buildRegionModel(entry, shares));
  const byRegion = new Map(regions.map((model) => [model.entry.region, model.rates] as const));
  return {
    scenario,
    shares,
    peakHour: findPeakHour(scenario.trafficPattern),
    regions,
    totalPaise: sumPaise(regions.map((model) => model.costs.total)),
    // A target already in the scenario is priced at its own (possibly overridden) rates, any other at the registry's.
    ratesOf: (region) => byRegion.get(region) ?? resolveRates(region, undefined),
  };
}
