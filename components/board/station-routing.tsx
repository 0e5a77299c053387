import type { CircuitState } from "@/core/routing/circuit-breaker";
import type { RegionHealth } from "@/core/routing/region-health";
import type { RegionSnapshot } from "@/core/metrics/snapshot";
import { formatRate } from "@/components/ui/format";
import { Skeleton } from "@/components/ui/skeleton";
import styles from "./station.module.css";

export const CIRCUIT_LABELS: Record<CircuitState, string> = {
  closed: "Breaker closed",
  open: "Breaker open",
  half_open: "Breaker half-open",
};

/** Narrow stations drop the word "breaker"; the symbol beside it says as much. */
const CIRCUIT_SHORT_LABELS: Record<CircuitState, string> = {
  closed: "Closed",
  open: "Open",
  half_open: "Half-open",
};

export const HEALTH_LABELS: Record<RegionHealth, string> = {
  unknown: "No verdict",
  healthy: "Healthy",
  degraded: "Degraded",
  unhealthy: "Unhealthy",
};

/** Lever positions of the breaker symbol: across both contacts, lifted off, or resting ajar on a probe. */
const LEVER_ENDS: Record<CircuitState, { x: number; y: number }> = {
  closed: { x: 19, y: 9 },
  open: { x: 15, y: 1 },
  half_open: { x: 18, y: 5 },
};

function BreakerSymbol({ circuit }: { circuit: CircuitState }) {
  const end = LEVER_ENDS[circuit];
  return (
    <svg aria-hidden="true" className={styles.breakerSymbol} viewBox="0 0 22 12" width="22" height="12">
      <line x1="0" y1="9" x2="3" y2="9" />
      <line x1="19" y1="9" x2="22" y2="9" />
      <circle cx="4" cy="9" r="1.8" />
      <circle cx="18" cy="9" r="1.8" />
      <line x1="4" y1="9" x2={end.x} y2={end.y} strokeDasharray={circuit === "half_open" ? "2.5 1.5" : undefined} />
    </svg>
  );
}

function formatSpillRate(perSecond: number): string {
  return perSecond < 0.1 ? "<0.1/s" : formatRate(perSecond);
}

/** "spilling out 1.2k/s", "taking in 300/s", both, or null when nothing spills. */
export function describeSpillover(region: Pick<RegionSnapshot, "spilloverIn" | "spilloverOut">): string | null {
  const parts = [
    region.spilloverOut > 0 ? `spilling out ${formatSpillRate(region.spilloverOut)}` : null,
    region.spilloverIn > 0 ? `taking in ${formatSpillRate(region.spilloverIn)}` : null,
  ].filter((part) => part !== null);
  return parts.length > 0 ? parts.join(" · ") : null;
}

/** A station's routing state: breaker, health check verdict and why, and spillover; fixed height so nothing jumps. */
export function StationRouting({ region }: { region: RegionSnapshot | null }) {
  if (region === null) {
    return (
      <div className={styles.routing} aria-hidden="true">
        <p className={styles.routingLine}>
          <Skeleton width="45%" />
        </p>
        <p className={styles.healthReason}>
          <Skeleton width="80%" />
        </p>
        <p className={styles.spillover}>
          <Skeleton width="50%" />
        </p>
      </div>
    );
  }
  const spillover = describeSpillover(region);
  return (
    <div className={styles.routing}>
      <p className={styles.routingLine}>
        <span className={styles.breaker} data-circuit={region.circuit} title={`Circuit ${CIRCUIT_LABELS[region.circuit].toLowerCase()}`}>
          <BreakerSymbol circuit={region.circuit} />
          <span className={styles.breakerLong}>{CIRCUIT_LABELS[region.circuit]}</span>
          <span className={styles.breakerShort}>{CIRCUIT_SHORT_LABELS[region.circuit]}</span>
        </span>
        <span className={styles.health} data-health={region.health}>
          {HEALTH_LABELS[region.health]}
        </span>
      </p>
      <p
        className={styles.healthReason}
        data-health={region.health}
        data-testid={`station-${region.id}-health`}
        title={`Health check: ${region.healthReason}`}
      >
        {region.healthReason}
      </p>
      <p className={`${styles.spillover} num`} data-spilling={spillover === null ? undefined : true}>
        {spillover === null ? (
          "no spillover"
        ) : (
          <>
            {region.spilloverOut > 0 ? (
              <span className={styles.spillOut}>
                <span aria-hidden="true">↗ </span>spilling out {formatSpillRate(region.spilloverOut)}
              </span>
            ) : null}
            {region.spilloverIn > 0 ? (
              <span className={styles.spillIn}>
                <span aria-hidden="true">↙ </span>taking in {formatSpillRate(region.spilloverIn)}
              </span>
            ) : null}
          </>
        )}
      </p>
    </div>
  );
}
