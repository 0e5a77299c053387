import type { RegionCost } from "@/core/cost/pricing";
import { getRegionConfig, getRegionPosition, type RegionId } from "@/core/routing/regions";

export const COST_COMPONENTS = [
  { key: "compute", label: "Compute", color: "#5b9cff" },
  { key: "storage", label: "Storage", color: "#b08cff" },
  { key: "network", label: "Network", color: "#2fd0e6" },
  { key: "kafka", label: "Kafka", color: "#d9c38c" },
] as const;

export type CostComponent = (typeof COST_COMPONENTS)[number]["key"];

/** One bar's worth of costs: a scenario's region as now, optimised, or as scenario A or B. */
export interface CostSeries {
  /** Short label under the bar: "Now", "Optimised", "A", "B". */
  label: string;
  /** Drawn fainter, so the second bar of each pair reads as the alternative. */
  muted: boolean;
  regions: ReadonlyArray<RegionCost & { runsIn?: RegionId }>;
}

export interface CostChartRow extends Record<CostComponent, number> {
  key: string;
  region: RegionId;
  regionName: string;
  series: string;
  muted: boolean;
  total: number;
  /** Where the workload runs, when not in its own region (regional placement). */
  runsIn: RegionId | null;
}

/** Bars grouped by region in registry order, one per series within a group; a region a series lacks costs nothing there. */
export function buildCostChartRows(series: readonly CostSeries[]): CostChartRow[] {
  const regions = [...new Set(series.flatMap((entry) => entry.regions.map((cost) => cost.region)))].sort(
    (a, b) => getRegionPosition(a) - getRegionPosition(b),
  );
  return regions.flatMap((region) =>
    series.map((entry): CostChartRow => {
      const cost = entry.regions.find((candidate) => candidate.region === region);
      return {
        key: `${region}:${entry.label}`,
        region,
        regionName: getRegionConfig(region).name,
        series: entry.label,
        muted: entry.muted,
        compute: cost?.computeInr ?? 0,
        storage: cost?.storageInr ?? 0,
        network: cost?.networkInr ?? 0,
        kafka: cost?.kafkaInr ?? 0,
        total: cost?.totalInr ?? 0,
        runsIn: cost?.runsIn !== undefined && cost.runsIn !== region ? cost.runsIn : null,
      };
    }),
  );
}

const NICE_STEPS = [1, 2, 2.5, 5, 10] as const;

/** Axis ticks from 0 in `intervals` round steps (1, 2, 2.5 or 5 × a power of ten) that reach at least `max`. */
export function computeNiceTicks(max: number, intervals = 4): number[] {
  if (!(max > 0)) return [0, 1];
  const rough = max / intervals;
  const magnitude = 10 ** Math.floor(Math.log10(rough));
  const step = (NICE_STEPS.find((candidate) => candidate * magnitude >= rough) ?? 10) * magnitude;
  const count = Math.ceil(max / step);
  return Array.from({ length: count + 1 }, (_, index) => index * step);
}
