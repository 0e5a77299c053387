import type { ViewerEvent } from "@/core/events";
import type { RegionId } from "@/core/regions";
import type { ComponentHealth } from "../health";

/** Real-time state shared by the workers: in memory today, Redis when configured. */
export interface LiveStore {
  readonly kind: "memory" | "redis";
  /** Marks every session in `events` as seen at `at` in `region` (one call per batch, not per event). */
  recordSessions(region: RegionId, events: readonly ViewerEvent[], at: number): void;
  /** The events whose event_id was not seen within the idempotency window (the same array when all are new). */
  keepFirstSightings(events: readonly ViewerEvent[], at: number): readonly ViewerEvent[];
  /** Distinct sessions per region seen within the heartbeat window before `now`. */
  countViewers(now: number): Map<RegionId, number>;
  health(): ComponentHealth;
  close(): Promise<void>;
}
