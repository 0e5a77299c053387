/**
 * SPEC section 6's cost model: monthly cost per region and component, four optimisations, the
 * recommendations, budget and growth phase, a live projection and a failover what-if.
 *
 * Units: every `…Inr` field is rupees (a number with at most two decimals) derived from exact integer
 * paise; each component is rounded to paise once, and totals are sums of those rounded components.
 *
 * Load is counted in instances: a fixed fleet is taken as sized for the pattern's busiest hour (the only
 * size at which it serves every hour), an autoscaling fleet needs peak events/s ÷ per-instance capacity.
 * At hour h the load is the peak load × multiplier(h) ÷ the pattern's largest multiplier.
 */
import { HOURS_PER_DAY, type CostRateOverrides, type CostScenario, type Fleet, type ScenarioRegion } from "./cost-scenario";
import { evaluateThreshold, type ThresholdLevel } from "../metrics/thresholds";
import {
  addFractions,
  ceilFraction,
  divideFractions,
  formatInr,
  fractionToNumber,
  multiplyFractions,
  multiplyRate,
  paiseToRupees,
  rupeesToPaise,
  sumPaise,
  toFraction,
  type Fraction,
  type Paise,
} from "./money";
import { REGION_IDS, getRegionCostRates, getRegionPosition, latencyBetweenRegions, type RegionId } from "../routing/regions";

/** SPEC section 6: a month is 30 days (720 h). */
export const DAYS_PER_MONTH = 30;
export const HOURS_PER_MONTH = DAYS_PER_MONTH * HOURS_PER_DAY;

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

/** SPEC section 6: a recommendation appears when a saving strictly exceeds these; the spec gives none for network. */
export const RECOMMENDATION_THRESHOLDS_INR: Readonly<Partial<Record<CostStrategy, number>>> = {
  dynamic_scaling: 5_000,
  regional_placement: 3_000,
  storage_tiering: 1_000,
};

export interface GrowthPhase {
  phase: 1 | 2 | 3 | 4;
  /** Users from (inclusive) … to (exclusive; null = no upper end). */
  minUsers: number;
  maxUsers: number | null;
  /** The phase's typical monthly cost band in rupees, from (inclusive) … to (exclusive). */
  minInr: number;
  maxInr: number | null;
  label: string;
}

/** SPEC section 6's growth phases: 0–10K users ₹50K–1L/month; 10K–100K ₹1L–5L; 100K–1M ₹5L–20L; 1M+ ₹20L+. */
export const GROWTH_PHASES: readonly GrowthPhase[] = [
  { phase: 1, minUsers: 0, maxUsers: 10_000, minInr: 50_000, maxInr: 100_000, label: "0–10K users" },
  { phase: 2, minUsers: 10_000, maxUsers: 100_000, minInr: 100_000, maxInr: 500_000, label: "10K–100K users" },
  { phase: 3, minUsers: 100_000, maxUsers: 1_000_000, minInr: 500_000, maxInr: 2_000_000, label: "100K–1M users" },
  { phase: 4, minUsers: 1_000_000, maxUsers: null, minInr: 2_000_000, maxInr: null, label: "1M+ users" },
];

export interface RegionCost {
  region: RegionId;
  instanceHours: number;
  computeInr: number;
  storageInr: number;
  networkInr: number;
  kafkaInr: number;
  totalInr: number;
  /** True while any rate used is a registry estimate (a region the source gives no rates for). */
  ratesEstimate: boolean;
}

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

export interface CostRecommendation {
  strategy: CostStrategy;
  savingInr: number;
  thresholdInr: number;
  message: string;
}

export interface BudgetCheck {
  budgetInr: number;
  totalInr: number;
  /** Total ≤ budget: exactly meeting the budget is within it. */
  withinBudget: boolean;
  /** Budget − total; negative when over. */
  headroomInr: number;
  optimisedInr: number;
  optimisedWithinBudget: boolean;
}

export interface GrowthAssessment {
  users: number | null;
  /** The phase of the scenario's users; null when users are not given. */
  phase: GrowthPhase | null;
  /** The phase whose cost band holds the current total (phase 1 below ₹50,000). */
  costPhase: GrowthPhase;
  /** Where the total sits against the users' phase band; null when users are not given. */
  costVersusPhase: "below" | "within" | "above" | null;
}

export interface CostEvaluation {
  name: string;
  /** Hour (IST) of the pattern's largest multiplier; its first occurrence. */
  peakHour: number;
  current: { totalInr: number; regions: RegionCost[] };
  optimisations: CostOptimisation[];
  /** All four strategies applied together per region (scaled, tiered, compressed, then placed), no saving counted twice. */
  combined: { currentInr: number; optimisedInr: number; savingInr: number; regions: CombinedRegionCost[] };
  recommendations: CostRecommendation[];
  budget: BudgetCheck;
  growth: GrowthAssessment;
}

interface ResolvedRates extends Required<CostRateOverrides> {
  estimate: boolean;
}

/** What a region runs for a month, independent of where: priced by any region's rates. */
interface Workload {
  instanceHours: number;
  storageGb: number;
  storagePriceFactor: number;
  networkGb: number;
  networkFactor: number;
  partitions: number;
}

interface ComponentCosts {
  compute: Paise;
  storage: Paise;
  network: Paise;
  kafka: Paise;
  total: Paise;
}

interface RegionModel {
  entry: ScenarioRegion;
  rates: ResolvedRates;
  /** Load at the busiest hour, in instances. */
  peakLoad: Fraction;
  /** Instances running at each hour of the day. */
  hourly: number[];
  workload: Workload;
  costs: ComponentCosts;
}

interface Placement {
  target: RegionId;
  latencyMs: number;
  costs: ComponentCosts;
  estimate: boolean;
}

const RATE_FIELDS = ["computePerInstanceHour", "storagePerGbMonth", "networkPerGb", "kafkaPerPartitionMonth"] as const;

function resolveRates(region: RegionId, overrides: CostRateOverrides | undefined): ResolvedRates {
  const base = getRegionCostRates(region);
  const rates = {
    computePerInstanceHour: overrides?.computePerInstanceHour ?? base.computePerInstanceHour,
    storagePerGbMonth: overrides?.storagePerGbMonth ?? base.storagePerGbMonth,
    networkPerGb: overrides?.networkPerGb ?? base.networkPerGb,
    kafkaPerPartitionMonth: overrides?.kafkaPerPartitionMonth ?? base.kafkaPerPartitionMonth,
  };
  // Overriding every rate replaces the estimate with the operator's own figures.
  const allOverridden = RATE_FIELDS.every((field) => overrides?.[field] !== undefined);
  return { ...rates, estimate: base.estimate && !allOverridden };
}

function priceWorkload(workload: Workload, rates: ResolvedRates): ComponentCosts {
  const compute = multiplyRate(rates.computePerInstanceHour, workload.instanceHours);
  const storage = multiplyRate(rates.storagePerGbMonth, workload.storageGb, workload.storagePriceFactor);
  const network = multiplyRate(rates.networkPerGb, workload.networkGb, workload.networkFactor);
  const kafka = multiplyRate(rates.kafkaPerPartitionMonth, workload.partitions);
  return { compute, storage, network, kafka, total: sumPaise([compute, storage, network, kafka]) };
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

function provisionInstances(fleet: Fleet, demand: Fraction): number {
  return fleet.type === "fixed" ? fleet.instances : clamp(ceilFraction(demand), fleet.min, fleet.max);
}

function countMonthlyInstanceHours(hourly: readonly number[]): number {
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

function toRegionCost(region: RegionId, instanceHours: number, costs: ComponentCosts, estimate: boolean): RegionCost {
  return {
    region,
    instanceHours,
    computeInr: paiseToRupees(costs.compute),
    storageInr: paiseToRupees(costs.storage),
    networkInr: paiseToRupees(costs.network),
    kafkaInr: paiseToRupees(costs.kafka),
    totalInr: paiseToRupees(costs.total),
    ratesEstimate: estimate,
  };
}

/**
 * Instance-hours under SPEC section 6's scaling rule, max(2, ceil(base × multiplier)) per hour, where
 * base × multiplier is the peak load × the hour's share of the peak multiplier.
 */
function countScaledInstanceHours(peakLoad: Fraction, shares: readonly Fraction[]): number {
  const hourly = shares.map((share) => Math.max(DYNAMIC_SCALING_POLICY.minInstances, ceilFraction(multiplyFractions(share, peakLoad))));
  return countMonthlyInstanceHours(hourly);
}

function formatHour(hour: number): string {
  return `${String(hour).padStart(2, "0")}:00 IST`;
}

function toPercent(f: Fraction): number {
  return Math.round(fractionToNumber(f) * 1000) / 10;
}

interface StrategyOutcome {
  optimisation: CostOptimisation;
  savingPaise: Paise;
}

interface RegionSaving {
  action: Omit<CostAction, "savingInr">;
  saving: Paise;
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

interface ScenarioModel {
  scenario: CostScenario;
  shares: Fraction[];
  peakHour: number;
  regions: RegionModel[];
  totalPaise: Paise;
  ratesOf: (region: RegionId) => ResolvedRates;
}

function buildScenarioModel(scenario: CostScenario): ScenarioModel {
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
      (a, b) =>
        a.costs.total - b.costs.total || a.latencyMs - b.latencyMs || getRegionPosition(a.target) - getRegionPosition(b.target),
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
function combineStrategies(model: ScenarioModel): CombinedRegionCost[] {
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
    const cost = toRegionCost(region.entry.region, workload.instanceHours, placement?.costs ?? stay, placement?.estimate ?? region.rates.estimate);
    return { ...cost, runsIn };
  });
}

const RECOMMENDATION_MESSAGES: Readonly<Record<CostStrategy, string>> = {
  dynamic_scaling: "Autoscale with the traffic pattern",
  regional_placement: "Move workloads to cheaper regions within the latency bound",
  storage_tiering: "Tier storage into hot and cold",
  network_compression: "Compress replication and client traffic",
};

function recommend(outcomes: readonly StrategyOutcome[]): CostRecommendation[] {
  return outcomes.flatMap(({ optimisation, savingPaise }) => {
    const threshold = RECOMMENDATION_THRESHOLDS_INR[optimisation.strategy];
    if (threshold === undefined || savingPaise <= rupeesToPaise(threshold)) return [];
    const message = `${RECOMMENDATION_MESSAGES[optimisation.strategy]}: save ${formatInr(savingPaise)}/month`;
    return [{ strategy: optimisation.strategy, savingInr: optimisation.savingInr, thresholdInr: threshold, message }];
  });
}

/** The growth phase a user count falls in (lower bound inclusive). */
function findPhaseByUsers(users: number): GrowthPhase {
  return GROWTH_PHASES.findLast((phase) => users >= phase.minUsers) ?? getFirstPhase();
}

function getFirstPhase(): GrowthPhase {
  const first = GROWTH_PHASES[0];
  if (!first) throw new Error("no growth phases configured");
  return first;
}

/** Grades the total against SPEC section 6's growth phases: by users when given, and which band the cost itself sits in. */
function assessGrowth(users: number | undefined, totalPaise: Paise): GrowthAssessment {
  const costPhase = GROWTH_PHASES.findLast((phase) => totalPaise >= rupeesToPaise(phase.minInr)) ?? getFirstPhase();
  if (users === undefined) return { users: null, phase: null, costPhase, costVersusPhase: null };
  const phase = findPhaseByUsers(users);
  const above = phase.maxInr !== null && totalPaise >= rupeesToPaise(phase.maxInr);
  const costVersusPhase = totalPaise < rupeesToPaise(phase.minInr) ? "below" : above ? "above" : "within";
  return { users, phase, costPhase, costVersusPhase };
}

/** Evaluates a parsed scenario: cost per region = instance-hours × rate + GB × rate + GB × rate + partitions × rate; strategies, budget, growth. */
export function evaluateCostScenario(scenario: CostScenario): CostEvaluation {
  const model = buildScenarioModel(scenario);
  const outcomes = [
    optimiseDynamicScaling(model),
    optimiseRegionalPlacement(model),
    optimiseStorageTiering(model),
    optimiseNetworkCompression(model),
  ];
  const combinedRegions = combineStrategies(model);
  const combinedPaise = sumPaise(combinedRegions.map((region) => rupeesToPaise(region.totalInr)));
  const budgetPaise = rupeesToPaise(scenario.budgetInr);
  return {
    name: scenario.name,
    peakHour: model.peakHour,
    current: {
      totalInr: paiseToRupees(model.totalPaise),
      regions: model.regions.map((region) =>
        toRegionCost(region.entry.region, region.workload.instanceHours, region.costs, region.rates.estimate),
      ),
    },
    optimisations: outcomes.map((outcome) => outcome.optimisation),
    combined: {
      currentInr: paiseToRupees(model.totalPaise),
      optimisedInr: paiseToRupees(combinedPaise),
      savingInr: paiseToRupees(model.totalPaise - combinedPaise),
      regions: combinedRegions,
    },
    recommendations: recommend(outcomes),
    budget: {
      budgetInr: paiseToRupees(budgetPaise),
      totalInr: paiseToRupees(model.totalPaise),
      withinBudget: model.totalPaise <= budgetPaise,
      headroomInr: paiseToRupees(budgetPaise - model.totalPaise),
      optimisedInr: paiseToRupees(combinedPaise),
      optimisedWithinBudget: combinedPaise <= budgetPaise,
    },
    growth: assessGrowth(scenario.users, model.totalPaise),
  };
}

export interface LiveProjectionSettings {
  /** Events/s one instance serves before it needs company. */
  eventsPerSecondPerInstance: number;
  /** Instances a region keeps even with no traffic (SPEC section 6: 2, for reliability). */
  minInstances: number;
  rates?: Partial<Record<RegionId, CostRateOverrides>>;
}

/** 50,000 events/s an instance: below the 54,000–77,000 the README's bench measures through HTTP on two cores. */
export const DEFAULT_LIVE_PROJECTION_SETTINGS: Readonly<LiveProjectionSettings> = {
  eventsPerSecondPerInstance: 50_000,
  minInstances: DYNAMIC_SCALING_POLICY.minInstances,
};

export interface LiveRegionProjection {
  region: RegionId;
  eventsPerSecond: number;
  instances: number;
  /** Events/s ÷ (instances × per-instance capacity), %, one decimal. */
  utilizationPercent: number;
  /** Compute only: storage, network and partitions are not measured live. */
  monthlyComputeInr: number;
  ratesEstimate: boolean;
}

export interface LiveCostProjection {
  regions: LiveRegionProjection[];
  totalInstances: number;
  monthlyComputeInr: number;
}

/** Projects the month if tonight's events/s held: max(min, ceil(events/s ÷ capacity)) instances × 720 h × compute rate per region. */
export function projectLiveCost(
  eventsPerSecondByRegion: Readonly<Partial<Record<RegionId, number>>>,
  settings: Readonly<LiveProjectionSettings> = DEFAULT_LIVE_PROJECTION_SETTINGS,
): LiveCostProjection {
  if (!(Number.isFinite(settings.eventsPerSecondPerInstance) && settings.eventsPerSecondPerInstance > 0)) {
    throw new RangeError("eventsPerSecondPerInstance must be a number above 0");
  }
  if (!(Number.isSafeInteger(settings.minInstances) && settings.minInstances >= 0)) {
    throw new RangeError("minInstances must be a whole number ≥ 0");
  }
  const capacity = toFraction(settings.eventsPerSecondPerInstance);
  const regions = REGION_IDS.flatMap((region): LiveRegionProjection[] => {
    const eventsPerSecond = eventsPerSecondByRegion[region];
    if (eventsPerSecond === undefined) return [];
    if (!(Number.isFinite(eventsPerSecond) && eventsPerSecond >= 0)) throw new RangeError(`${region}: events/s must be a number ≥ 0`);
    const load = divideFractions(toFraction(eventsPerSecond), capacity);
    const instances = Math.max(settings.minInstances, ceilFraction(load));
    const rates = resolveRates(region, settings.rates?.[region]);
    return [
      {
        region,
        eventsPerSecond,
        instances,
        utilizationPercent: instances === 0 ? 0 : toPercent(divideFractions(load, toFraction(instances))),
        monthlyComputeInr: paiseToRupees(multiplyRate(rates.computePerInstanceHour, instances, HOURS_PER_MONTH)),
        ratesEstimate: rates.estimate,
      },
    ];
  });
  return {
    regions,
    totalInstances: regions.reduce((sum, region) => sum + region.instances, 0),
    monthlyComputeInr: paiseToRupees(sumPaise(regions.map((region) => rupeesToPaise(region.monthlyComputeInr)))),
  };
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
  const max = Math.max(fleet.max, peakNeed);
  return shares.map((share) => clamp(ceilFraction(multiplyFractions(share, combinedLoad)), fleet.min, max));
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
  const utilisation = toPercent(divideFractions(combinedLoad, toFraction(before)));
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
