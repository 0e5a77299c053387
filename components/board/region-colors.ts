import type { RegionId } from "@/core/routing/regions";

/** Series colours kept clear of the status green, amber and red so a region never reads as a status. */
export const REGION_COLORS: Record<RegionId, string> = {
  mumbai: "#5b9cff",
  delhi: "#b08cff",
  bangalore: "#2fd0e6",
  hyderabad: "#f27bc0",
  pune: "#d9c38c",
  kolkata: "#8fa3bf",
};
