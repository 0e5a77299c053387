import type { RegionChange } from "@/core/routing/region-state";
import { formatClockTime } from "@/components/ui/format";

/** When, why and by whom a region was failed over, from its latest failover on record (null: none listed). */
export function describeFailover(failover: RegionChange | null): string {
  if (failover === null) return "Failed over: routing sends its load to the other regions";
  const who = failover.mode === "automatic" ? "automatically" : `by ${failover.actor ?? "an operator"}`;
  return `Failed over ${formatClockTime(failover.at)} ${who}: ${failover.reason}`;
}
