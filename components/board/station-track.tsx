import { REGIONS } from "@/core/routing/regions";
import { createIdleRegionSnapshot, type RegionSnapshot } from "@/core/metrics/snapshot";
import type { RegionChange } from "@/core/routing/region-state";
import type { RegionControlRequest } from "./region-controls";
import styles from "./station.module.css";
import { Station } from "./station";

interface StationTrackProps {
  regions: readonly RegionSnapshot[] | null;
  /** The latest region changes, newest first (/api/regions); a failed-over station names its failover from them. */
  changes: readonly RegionChange[] | null;
  stale: boolean;
  /** The board's time range as a query string, carried to each station's drill-down. */
  rangeQuery: string;
  onRequestControl: (request: RegionControlRequest) => void;
  /** false on the board's wall: no drill-down link, click or focus on the stations. */
  interactive: boolean;
}

const MISSING_REGION_REASON = "Not in the latest snapshot";

/** Every configured region, always in REGIONS order, strung along one track like a signal-box diagram. */
export function StationTrack({ regions, changes, stale, rangeQuery, onRequestControl, interactive }: StationTrackProps) {
  return (
    <section className={styles.trackSection} aria-labelledby="stations-heading">
      <h2 id="stations-heading" className="visually-hidden">
        Regions
      </h2>
      <ol className={styles.track}>
        {REGIONS.map((config) => {
          const region = regions ? (regions.find((candidate) => candidate.id === config.id) ?? null) : null;
          const failover =
            region && !region.active ? (changes?.find((c) => c.region === config.id && c.action === "failover") ?? null) : null;
          return (
            <Station
              key={config.id}
              config={config}
              drillHref={interactive ? `/regions/${config.id}${rangeQuery ? `?${rangeQuery}` : ""}` : null}
              region={
                regions && !region
                  ? createIdleRegionSnapshot(config, { status: MISSING_REGION_REASON, health: MISSING_REGION_REASON })
                  : region
              }
              failover={failover}
              stale={stale}
              onRequestControl={onRequestControl}
            />
          );
        })}
      </ol>
    </section>
  );
}
