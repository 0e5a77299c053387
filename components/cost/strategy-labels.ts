import type { CostStrategy } from "@/core/cost/optimisations";

export const STRATEGY_LABELS: Record<CostStrategy, string> = {
  dynamic_scaling: "Dynamic scaling",
  regional_placement: "Regional placement",
  storage_tiering: "Storage tiering",
  network_compression: "Network compression",
};
