import type { ViewerEvent } from "@/core/events";
import { REGION_IDS, type RegionId } from "@/core/regions";
import type { ComponentHealth } from "../health";
import type { LiveStore } from "./live-store";

/** Exact concurrent-viewer counts from a last-seen map per region, swept when counted. */
export class MemoryLiveStore implements LiveStore {
  readonly kind = "memory" as const;
  private readonly lastSeen = new Map<RegionId, Map<string, number>>(REGION_IDS.map((id) => [id, new Map()]));

  constructor(private readonly heartbeatWindowMs: number) {}

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

  health(): ComponentHealth {
    let sessions = 0;
    for (const map of this.lastSeen.values()) sessions += map.size;
    return { status: "up", detail: `in memory, ${sessions} live session(s)` };
  }

  async close(): Promise<void> {
    for (const map of this.lastSeen.values()) map.clear();
  }
}
