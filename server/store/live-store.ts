import type { ViewerEvent } from "@/core/events/events";
import type { RegionId } from "@/core/routing/regions";
import type { ComponentHealth } from "../health";

/**
 * Where a batch was read from. A durable bus delivers a message again after a crash; its event_id
 * is then marked with the same origin, which tells that redelivery apart from a client's resend.
 */
export interface BatchOrigin {
  /** Topic and partition, e.g. `signalbox.events.mumbai/2`. */
  source: string;
  /** Each event's offset in `source`, parallel to the events. */
  offsets: readonly number[];
}

/** Real-time state shared by the workers: in memory, or in Redis when configured. */
export interface LiveStore {
  readonly kind: "memory" | "redis";
  /** Marks every session in `events` as seen at `at` in `region` (one call per batch, not per event). */
  recordSessions(region: RegionId, events: readonly ViewerEvent[], at: number): void;
  /**
   * The events whose event_id was not seen within the idempotency window (the same array when all
   * are new); answered at once in memory, so the in-process hot path needs no promise.
   */
  keepFirstSightings(
    events: readonly ViewerEvent[],
    at: number,
    origin?: BatchOrigin,
  ): readonly ViewerEvent[] | Promise<readonly ViewerEvent[]>;
  /** Distinct sessions per region seen within the heartbeat window before `now` (as of the last refresh for Redis). */
  countViewers(now: number): Map<RegionId, number>;
  /** Brings shared counts up to date before a tick reads them; nothing to do in memory. */
  refresh(now: number): Promise<void>;
  health(): ComponentHealth;
  close(): Promise<void>;
}
