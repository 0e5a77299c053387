import type { RegionChange } from "@/core/routing/region-state";
import { formatZonedClockTime, type ZoneView } from "@/components/ui/time-format";

/** When (in the time base), why and by whom a region was failed over, from its latest failover on record (null: none listed). */
export function describeFailover(failover: RegionChange | null, zone: ZoneView): string {
  if (failover === null) return "Failed over: routing sends its load to the other regions";
  const who = failover.mode === "automatic" ? "automatically" : `by ${failover.actor ?? "an operator"}`;
  return `Failed over ${formatZonedClockTime(failover.at, zone)} ${who}: ${failover.reason}`;
}
