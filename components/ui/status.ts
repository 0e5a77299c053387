import type { RegionStatus } from "@/core/snapshot";

export const STATUS_LABELS: Record<RegionStatus, string> = {
  idle: "Idle",
  ok: "OK",
  warning: "Warning",
  critical: "Critical",
};
