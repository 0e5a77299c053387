import { DedupWindow } from "@/core/events/dedup-window";
import type { ViewerEvent } from "@/core/events/events";
import { REGION_IDS, type RegionId } from "@/core/routing/regions";
import type { ComponentHealth } from "../health";
import type { LiveStore } from "./live-store";

/** Exact concurrent-viewer counts from a last-seen map per region, swept when counted; event ids in a dedup window. */
export class MemoryLiveStore implements LiveStore {
  readonly kind = "memory" as const;
  private readonly lastSeen = new Map<RegionId, Map<string, number>>(REGION_IDS.map((id) => [id, new Map()]));

  private readonly seenEvents: DedupWindow;

  constructor(
    private readonly heartbeatWindowMs: number,
    idempotencyWindowMs: number,
    now: number,
  ) {
    this.seenEvents = new DedupWindow(idempotencyWindowMs, now);
  }

  keepFirstSightings(events: readonly ViewerEvent[], at: number): readonly ViewerEvent[] {
    let fresh: ViewerEvent[] | null = null;
    for (let i = 0; i < events.length; i++) {
      const event = events[i]!;
      const first = this.seenEvents.firstSighting(event.eventId, at);
      // Copy only from the first repeat on, so the common all-new batch allocates nothing.
      if (!first && fresh === null) fresh = events.slice(0, i);
      else if (first && fresh !== null) fresh.push(event);
    }
    return fresh ?? events;
  }

  recordSessions(region: RegionId, events: readonly ViewerEvent[], at: number): void {
    const sessions = this.lastSeen.get(region)!;
    for (let i = 0; i < events.length; i++) {
      const sessionId = events[i]!.sessionId;
      // Re-inserting moves the key to the end, keeping the map ordered by last sight for the sweep.
      sessions.delete(sessionId);
      sessions.set(sessionId, at);
    }
  }

  countViewers(now: number): Map<RegionId, number> {
    const cutoff = now - this.heartbeatWindowMs;
    const counts = new Map<RegionId, number>();
    for (const [region, sessions] of this.lastSeen) {
      for (const [sessionId, seenAt] of sessions) {
        if (seenAt > cutoff) break;
        sessions.delete(sessionId);
      }
      counts.set(region, sessions.size);
    }
    return counts;
  }

  async refresh(): Promise<void> {}

  health(): ComponentHealth {
    let sessions = 0;
    for (const map of this.lastSeen.values()) sessions += map.size;
    return {
      status: "up",
      detail: `in memory, ${sessions} live session(s), ${this.seenEvents.size} event id(s) in the idempotency window`,
    };
  }

  async close(): Promise<void> {
    for (const map of this.lastSeen.values()) map.clear();
  }
}
