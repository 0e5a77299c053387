/**
 * SPEC section 6's four optimisations (dynamic scaling, regional placement, storage tiering, network
 * compression), each measured alone against the current month, and all four combined per region.
 */
import { ceilFraction, multiplyFractions, multiplyRate, paiseToRupees, sumPaise, type Fraction, type Paise } from "./money";
import { priceWorkload, toRegionCost, type ComponentCosts, type RegionCost, type Workload } from "./pricing";
import { countMonthlyInstanceHours, type ScenarioModel } from "./scenario-model";
import { REGION_IDS, getRegionPosition, latencyBetweenRegions, type RegionId } from "../routing/regions";

export const COST_STRATEGIES = ["dynamic_scaling", "regional_placement", "storage_tiering", "network_compression"] as const;
export type CostStrategy = (typeof COST_STRATEGIES)[number];

/** SPEC section 6's autoscaling group: min 2, max 20, scale up at 70% CPU, down at 30%. */
export const DYNAMIC_SCALING_POLICY = { minInstances: 2, maxInstances: 20, scaleUpCpuPercent: 70, scaleDownCpuPercent: 30 } as const;

/** SPEC section 6's storage tiers: 20% hot at full price, 80% cold at 50%; hot 7 days, archive after 30, delete after 365. */
export const STORAGE_TIERING = {
  hotPercent: 20,
  coldPercent: 80,
  coldPricePercent: 50,
  hotDays: 7,
  archiveAfterDays: 30,
  deleteAfterDays: 365,
} as const;

/** The price of tiered storage as a share of full price: 0.2 × 1 + 0.8 × 0.5 = 0.6 (built from integers, so exact). */
const TIERED_STORAGE_PRICE_FACTOR =
  (STORAGE_TIERING.hotPercent * 100 + STORAGE_TIERING.coldPercent * STORAGE_TIERING.coldPricePercent) / 10_000;

/** A region's workload with every strategy applied; `region` is where its users are, `runsIn` where it is priced. */
export interface CombinedRegionCost extends RegionCost {
  runsIn: RegionId;
}

export interface CostAction {
  region: RegionId;
  /** Where the workload goes (regional placement, failover); null for in-place changes. */
  targetRegion: RegionId | null;
  savingInr: number;
  description: string;
}

export interface CostOptimisation {
  strategy: CostStrategy;
  /** The scenario's whole monthly total today. */
  currentInr: number;
  /** The whole monthly total with only this strategy applied. */
  optimisedInr: number;
  savingInr: number;
  actions: CostAction[];
}

/** A strategy's entry with its saving still in exact paise, for the recommendations' thresholds. */
export interface StrategyOutcome {
  optimisation: CostOptimisation;
  savingPaise: Paise;
}

interface RegionSaving {
  action: Omit<CostAction, "savingInr">;
  saving: Paise;
}

interface Placement {
  target: RegionId;
  latencyMs: number;
  costs: ComponentCosts;
  estimate: boolean;
}

/**
 * Instance-hours under SPEC section 6's scaling rule, max(2, ceil(base × multiplier)) per hour, where
 * base × multiplier is the peak load × the hour's share of the peak multiplier.
 */
function countScaledInstanceHours(peakLoad: Fraction, shares: readonly Fraction[]): number {
  const hourly = shares.map((share) => Math.max(DYNAMIC_SCALING_POLICY.minInstances, ceilFraction(multiplyFractions(share, peakLoad))));
  return countMonthlyInstanceHours(hourly);
}

/** Builds a strategy's entry from its per-region savings in paise; the optimised total is the current total less their sum. */
function summarise(strategy: CostStrategy, totalPaise: Paise, savings: readonly RegionSaving[]): StrategyOutcome {
  const savingPaise = sumPaise(savings.map((entry) => entry.saving));
  const optimisation: CostOptimisation = {
    strategy,
    currentInr: paiseToRupees(totalPaise),
    optimisedInr: paiseToRupees(totalPaise - savingPaise),
    savingInr: paiseToRupees(savingPaise),
    actions: savings.map((entry) => ({ ...entry.action, savingInr: paiseToRupees(entry.saving) })),
  };
  return { optimisation, savingPaise };
}

/** The cheapest region within the latency bound that runs the workload for strictly less than staying; null when none does. */
function findPlacement(model: ScenarioModel, origin: RegionId, workload: Workload, stayCost: Paise): Placement | null {
  const candidates = REGION_IDS.filter((target) => target !== origin)
    .map((target) => ({ target, latencyMs: latencyBetweenRegions(origin, target) }))
    .filter((candidate) => candidate.latencyMs <= model.scenario.latencyBoundMs)
    .map((candidate) => {
      const rates = model.ratesOf(candidate.target);
      return { ...candidate, costs: priceWorkload(workload, rates), estimate: rates.estimate };
    })
    .sort(
      (a, b) => a.costs.total - b.costs.total || a.latencyMs - b.latencyMs || getRegionPosition(a.target) - getRegionPosition(b.target),
    );
  const best = candidates[0];
  return best && best.costs.total < stayCost ? best : null;
}

function optimiseDynamicScaling(model: ScenarioModel): StrategyOutcome {
  const { minInstances, maxInstances, scaleUpCpuPercent, scaleDownCpuPercent } = DYNAMIC_SCALING_POLICY;
  const actions = model.regions.flatMap((region): RegionSaving[] => {
    const fleet = region.entry.fleet;
    if (fleet.type !== "fixed") return [];
    const scaledHours = countScaledInstanceHours(region.peakLoad, model.shares);
    // Scaling a fleet that is already small (1 instance under a minimum of 2) would cost more: keep it.
    if (scaledHours >= region.workload.instanceHours) return [];
    const saving = region.costs.compute - multiplyRate(region.rates.computePerInstanceHour, scaledHours);
    // No hour needs more than the peak-sized fleet; a fleet above 20 raises the group's max so peak capacity never drops.
    const groupMax = Math.max(maxInstances, fleet.instances);
    const description =
      `Replace ${region.entry.region}'s ${fleet.instances} fixed instances with an autoscaling group ` +
      `(min ${minInstances}, max ${groupMax}; scale up at ${scaleUpCpuPercent}% CPU, down at ${scaleDownCpuPercent}%): ` +
      `${scaledHours} instance-hours a month instead of ${region.workload.instanceHours}`;
    return [{ action: { region: region.entry.region, targetRegion: null, description }, saving }];
  });
  return summarise("dynamic_scaling", model.totalPaise, actions);
}

function describeMove(origin: RegionId, placement: Placement, bound: number): string {
  const estimate = placement.estimate ? ` (${placement.target}'s rates are estimates)` : "";
  const where = `${placement.latencyMs} ms from its users, within the ${bound} ms bound`;
  return `Move ${origin}'s workload to ${placement.target}: ${where}${estimate}`;
}

function optimiseRegionalPlacement(model: ScenarioModel): StrategyOutcome {
  const actions = model.regions.flatMap((region): RegionSaving[] => {
    const placement = findPlacement(model, region.entry.region, region.workload, region.costs.total);
    if (!placement) return [];
    const description = describeMove(region.entry.region, placement, model.scenario.latencyBoundMs);
    const action = { region: region.entry.region, targetRegion: placement.target, description };
    return [{ action, saving: region.costs.total - placement.costs.total }];
  });
  return summarise("regional_placement", model.totalPaise, actions);
}

function optimiseStorageTiering(model: ScenarioModel): StrategyOutcome {
  const { hotPercent, coldPercent, coldPricePercent, hotDays, archiveAfterDays, deleteAfterDays } = STORAGE_TIERING;
  const actions = model.regions.flatMap((region): RegionSaving[] => {
    const tiered = multiplyRate(region.rates.storagePerGbMonth, region.entry.storageGb, TIERED_STORAGE_PRICE_FACTOR);
    const saving = region.costs.storage - tiered;
    if (saving <= 0) return [];
    const description =
      `Tier ${region.entry.region}'s ${region.entry.storageGb} GB: ${hotPercent}% hot (last ${hotDays} days) at full price, ` +
      `${coldPercent}% cold at ${coldPricePercent}%; archive after ${archiveAfterDays} days, delete after ${deleteAfterDays}`;
    return [{ action: { region: region.entry.region, targetRegion: null, description }, saving }];
  });
  return summarise("storage_tiering", model.totalPaise, actions);
}

function optimiseNetworkCompression(model: ScenarioModel): StrategyOutcome {
  const ratio = model.scenario.networkCompressionRatio;
  const actions = model.regions.flatMap((region): RegionSaving[] => {
    const compressed = multiplyRate(region.rates.networkPerGb, region.entry.networkGb, ratio);
    const saving = region.costs.network - compressed;
    if (saving <= 0) return [];
    const description = `Compress ${region.entry.region}'s replication and client traffic to ${ratio} of its ${region.entry.networkGb} GB`;
    return [{ action: { region: region.entry.region, targetRegion: null, description }, saving }];
  });
  return summarise("network_compression", model.totalPaise, actions);
}

/** Every strategy at once per region: scaled hours, tiered storage, compressed traffic, then the cheapest allowed region for that. */
export function combineStrategies(model: ScenarioModel): CombinedRegionCost[] {
  return model.regions.map((region) => {
    const current = region.workload.instanceHours;
    const scaledHours = region.entry.fleet.type === "fixed" ? countScaledInstanceHours(region.peakLoad, model.shares) : current;
    const workload: Workload = {
      ...region.workload,
      instanceHours: Math.min(current, scaledHours),
      storagePriceFactor: TIERED_STORAGE_PRICE_FACTOR,
      networkFactor: model.scenario.networkCompressionRatio,
    };
    const stay = priceWorkload(workload, region.rates);
    const placement = findPlacement(model, region.entry.region, workload, stay.total);
    const runsIn = placement?.target ?? region.entry.region;
    const cost = toRegionCost(
      region.entry.region,
      workload.instanceHours,
      placement?.costs ?? stay,
      placement?.estimate ?? region.rates.estimate,
    );
    return { ...cost, runsIn };
  });
}

/** Each strategy alone against the current month, in COST_STRATEGIES order. */
export function optimiseScenario(model: ScenarioModel): StrategyOutcome[] {
  return [
    optimiseDynamicScaling(model),
    optimiseRegionalPlacement(model),
    optimiseStorageTiering(model),
    optimiseNetworkCompression(model),
  ];
}
