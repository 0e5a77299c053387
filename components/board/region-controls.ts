import type { RegionId } from "@/core/routing/regions";
import type { RegionSnapshot } from "@/core/metrics/snapshot";
import type { RegionControl } from "./api";

/** An operator's choice from a station's menu, waiting for confirmation. */
export interface RegionControlRequest {
  region: RegionId;
  control: RegionControl;
}

interface RegionControlCopy {
  /** The menu item. */
  label: string;
  /** The dialog's title, a question. */
  ask: (name: string) => string;
  /** What happens, so nobody confirms a guess. */
  explain: (name: string) => string;
  /** The confirm button, naming the action and the region. */
  confirm: (name: string) => string;
  pending: (name: string) => string;
  /** Taking capacity away is drawn as a warning; giving it back is not. */
  tone: "danger" | "restore";
}

export const REGION_CONTROL_COPY: Record<RegionControl, RegionControlCopy> = {
  failover: {
    label: "Fail over",
    ask: (name) => `Fail over ${name}?`,
    explain: (name) => `${name} stops taking events: routing sends its load to the other active regions until someone fails it back.`,
    confirm: (name) => `Fail over ${name}`,
    pending: (name) => `Failing over ${name}…`,
    tone: "danger",
  },
  failback: {
    label: "Fail back",
    ask: (name) => `Fail back ${name}?`,
    explain: (name) =>
      `${name} takes its own traffic again. If its health check still calls for failover, it fails over again automatically.`,
    confirm: (name) => `Fail back ${name}`,
    pending: (name) => `Failing back ${name}…`,
    tone: "restore",
  },
  trip: {
    label: "Trip breaker",
    ask: (name) => `Trip the ${name} breaker?`,
    explain: (name) =>
      `Opens ${name}'s circuit breaker: its new load spills to other regions. After the cool-down it lets a probe through and closes again if the probe succeeds.`,
    confirm: (name) => `Trip ${name} breaker`,
    pending: (name) => `Tripping ${name} breaker…`,
    tone: "danger",
  },
  reset: {
    label: "Reset breaker",
    ask: (name) => `Reset the ${name} breaker?`,
    explain: (name) => `Closes ${name}'s circuit breaker and clears its failure count, so routing may send it traffic again at once.`,
    confirm: (name) => `Reset ${name} breaker`,
    pending: (name) => `Resetting ${name} breaker…`,
    tone: "restore",
  },
};

/** The controls that apply to a region as it is now: one for routing, one for its breaker. */
export function listAvailableControls(region: Pick<RegionSnapshot, "active" | "circuit">): readonly RegionControl[] {
  return [region.active ? "failover" : "failback", region.circuit === "closed" ? "trip" : "reset"];
}
