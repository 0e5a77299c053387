import { REGIONS } from "@/core/regions";
import type { RegionSnapshot } from "@/core/snapshot";
import type { RegionControlRequest } from "./region-controls";
import styles from "./station.module.css";
import { Station } from "./station";

interface StationTrackProps {
  regions: readonly RegionSnapshot[] | null;
  stale: boolean;
  onRequestControl: (request: RegionControlRequest) => void;
}

const MISSING_REGION_REASON = "Not in the latest snapshot";

/** Every configured region, always in REGIONS order, strung along one track like a signal-box diagram. */
export function StationTrack({ regions, stale, onRequestControl }: StationTrackProps) {
  return (
    <section className={styles.trackSection} aria-labelledby="stations-heading">
      <h2 id="stations-heading" className="visually-hidden">
        Regions
      </h2>
      <ol className={styles.track}>
        {REGIONS.map((config) => {
          const region = regions ? (regions.find((candidate) => candidate.id === config.id) ?? null) : null;
          return (
            <Station
              key={config.id}
              config={config}
              region={regions && !region ? createMissingRegion(config.id, config.name, config.capacity) : region}
              stale={stale}
              onRequestControl={onRequestControl}
            />
          );
        })}
      </ol>
    </section>
  );
}

function createMissingRegion(id: RegionSnapshot["id"], name: string, capacity: number): RegionSnapshot {
  return {
    id,
    name,
    active: true,
    circuit: "closed",
    health: "healthy",
    healthReason: MISSING_REGION_REASON,
    spilloverIn: 0,
    spilloverOut: 0,
    status: "idle",
    statusReason: MISSING_REGION_REASON,
    capacity,
    viewers: 0,
    eventsPerSecond: 0,
    latencyMs: { p50: 0, p95: 0, p99: 0 },
    errorRatePercent: 0,
    utilizationPercent: 0,
    avgBufferHealth: 0,
    qualityChangesPerSecond: 0,
    qualityDecisions: { buffer_health: 0, bandwidth_insufficient: 0, bandwidth_headroom: 0 },
    processed: 0,
    failures: { CATASTROPHIC: 0, PERSISTENT: 0, TRANSIENT: 0 },
    alternativePath: 0,
    flow: { routed: 0, processed: 0, queued: 0, inRetry: 0, deadLettered: 0, duplicates: 0, balanced: true },
  };
}
