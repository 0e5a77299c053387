/**
 * The board's cost tile: the month's compute if tonight's events/s held, max(2, ⌈events/s ÷ 50,000⌉)
 * instances per measured region at its compute rate.
 */
import {
  ceilFraction,
  divideFractions,
  fractionToPercent,
  multiplyRate,
  paiseToRupees,
  rupeesToPaise,
  sumPaise,
  toFraction,
} from "./money";
import type { CostRateOverrides } from "./cost-scenario";
import { DYNAMIC_SCALING_POLICY } from "./optimisations";
import { resolveRates } from "./pricing";
import { HOURS_PER_MONTH } from "./scenario-model";
import { REGION_IDS, type RegionId } from "../routing/regions";

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
        utilizationPercent: instances === 0 ? 0 : fractionToPercent(divideFractions(load, toFraction(instances))),
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
