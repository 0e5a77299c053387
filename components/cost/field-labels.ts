import { getRegionConfig, isRegionId } from "@/core/routing/regions";
import type { RateField } from "./scenario-draft";

export const RATE_LABELS: Record<RateField, string> = {
  computePerInstanceHour: "Compute ₹/instance-hour",
  storagePerGbMonth: "Storage ₹/GB-month",
  networkPerGb: "Network ₹/GB",
  kafkaPerPartitionMonth: "Kafka ₹/partition-month",
};

const SCENARIO_LABELS: Record<string, string> = {
  name: "Name",
  budgetInr: "Monthly budget",
  latencyBoundMs: "Latency bound",
  networkCompressionRatio: "Compression ratio",
  users: "Users",
  trafficPattern: "Traffic pattern",
  regions: "Regions",
  scenario: "Scenario",
};

const REGION_LABELS: Record<string, string> = {
  region: "Region",
  fleet: "Fleet",
  "fleet.type": "Fleet",
  "fleet.instances": "Instances",
  "fleet.min": "Min instances",
  "fleet.max": "Max instances",
  "fleet.eventsPerSecondPerInstance": "Events/s per instance",
  peakEventsPerSecond: "Peak events/s",
  storageGb: "Storage GB",
  networkGb: "Network GB/month",
  partitions: "Kafka partitions",
  ...Object.fromEntries(Object.entries(RATE_LABELS).map(([field, label]) => [`rates.${field}`, label])),
};

/** A field path as a person reads it: `regions.0.storageGb` → "Mumbai · Storage GB", `trafficPattern.3` → "Traffic pattern · 03:00". */
export function describeFieldPath(path: string, regionAt: (index: number) => string | undefined): string {
  const [head, second, ...rest] = path.split(".");
  if (head === "regions" && second !== undefined && /^\d+$/.test(second)) {
    const region = regionAt(Number(second));
    const name = region && isRegionId(region) ? getRegionConfig(region).name : `Region ${Number(second) + 1}`;
    const field = rest.join(".");
    return field === "" ? name : `${name} · ${REGION_LABELS[field] ?? field}`;
  }
  if (head === "trafficPattern" && second !== undefined) return `Traffic pattern · ${second.padStart(2, "0")}:00`;
  return SCENARIO_LABELS[path] ?? path;
}
