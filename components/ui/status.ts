import type { RegionStatus } from "@/core/metrics/snapshot";

export const STATUS_LABELS: Record<RegionStatus, string> = {
  idle: "Idle",
  ok: "OK",
  warning: "Warning",
  critical: "Critical",
};
