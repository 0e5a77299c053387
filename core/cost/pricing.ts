/**
 * SPEC section 6's prices: a region's rates (registry or overridden) and what a month's workload costs
 * at them, as compute, storage, network and Kafka components.
 *
 * Units: every `…Inr` field is rupees (a number with at most two decimals) derived from exact integer
 * paise; each component is rounded to paise once, and totals are sums of those rounded components.
 */
import type { CostRateOverrides } from "./cost-scenario";
import { multiplyRate, paiseToRupees, sumPaise, type Paise } from "./money";
import { getRegionCostRates, type RegionId } from "../routing/regions";

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

export interface ResolvedRates extends Required<CostRateOverrides> {
  estimate: boolean;
}

/** What a region runs for a month, independent of where: priced by any region's rates. */
export interface Workload {
  instanceHours: number;
  storageGb: number;
  storagePriceFactor: number;
  networkGb: number;
  networkFactor: number;
  partitions: number;
}

export interface ComponentCosts {
  compute: Paise;
  storage: Paise;
  network: Paise;
  kafka: Paise;
  total: Paise;
}

const RATE_FIELDS = ["computePerInstanceHour", "storagePerGbMonth", "networkPerGb", "kafkaPerPartitionMonth"] as const;

/** A region's registry rates with the scenario's overrides on top. */
export function resolveRates(region: RegionId, overrides: CostRateOverrides | undefined): ResolvedRates {
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

/** Prices a month's workload at the given rates, each component rounded to paise once. */
export function priceWorkload(workload: Workload, rates: ResolvedRates): ComponentCosts {
  const compute = multiplyRate(rates.computePerInstanceHour, workload.instanceHours);
  const storage = multiplyRate(rates.storagePerGbMonth, workload.storageGb, workload.storagePriceFactor);
  const network = multiplyRate(rates.networkPerGb, workload.networkGb, workload.networkFactor);
  const kafka = multiplyRate(rates.kafkaPerPartitionMonth, workload.partitions);
  return { compute, storage, network, kafka, total: sumPaise([compute, storage, network, kafka]) };
}

/** The API's rupee form of a region's priced components. */
export function toRegionCost(region: RegionId, instanceHours: number, costs: ComponentCosts, estimate: boolean): RegionCost {
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
