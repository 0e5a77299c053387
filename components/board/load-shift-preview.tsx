import { projectRegionLoss } from "@/core/routing/load-projection";
import { getRegionConfig, type RegionId } from "@/core/routing/regions";
import { SPILLOVER_THRESHOLD_PERCENT, type RoutingStrategy } from "@/core/routing/routing";
import type { RegionSnapshot } from "@/core/metrics/snapshot";
import { formatInteger, formatPercent, formatRate } from "@/components/ui/format";
import { formatZonedClockTime } from "@/components/ui/time-format";
import { useTimeZone } from "@/components/ui/use-time-zone";
import { UtilisationMeter } from "@/components/ui/utilisation-meter";
import type { RegionControl } from "./api";
import styles from "./controls.module.css";

interface LoadShiftPreviewProps {
  region: RegionId;
  control: RegionControl;
  /** The board's regions when the dialog opened: the preview holds still while the operator reads it. */
  regions: readonly RegionSnapshot[];
  at: number;
  strategy: RoutingStrategy;
}

/** What the control does to the other regions: who takes the load and at what utilisation, or what comes back. */
export function LoadShiftPreview({ region, control, regions, at, strategy }: LoadShiftPreviewProps) {
  const name = getRegionConfig(region).name;
  const zone = useTimeZone();
  const own = regions.find((candidate) => candidate.id === region);
  if (!own) return null;
  const asOf = `as of ${formatZonedClockTime(at, zone)}`;

  if (control === "failback" || control === "reset") {
    return (
      <p className={styles.preview} data-testid="load-preview">
        {own.spilloverOut > 0
          ? `${formatRate(own.spilloverOut)} events/s that ${name} now spills to other regions come back to it (${asOf}).`
          : `${name} spills nothing right now, so no load moves back at once (${asOf}).`}
      </p>
    );
  }

  const projection = projectRegionLoss(regions, region, strategy);
  if (projection.moving === 0) {
    return (
      <p className={styles.preview} data-testid="load-preview">
        {name} has no viewers right now: no load moves ({asOf}).
      </p>
    );
  }
  return (
    <div className={styles.preview} data-testid="load-preview">
      <p>
        {formatInteger(projection.moving)} viewers move from {name} ({asOf}):
      </p>
      <ul className={styles.shifts}>
        {projection.takers.map((shift) => (
          <li
            key={shift.region}
            data-region={shift.region}
            data-over={shift.utilizationAfterPercent > SPILLOVER_THRESHOLD_PERCENT || undefined}
          >
            <span className={styles.shiftName}>{getRegionConfig(shift.region).name}</span>
            <span className={styles.shiftViewers}>+{formatInteger(shift.viewers)}</span>
            <UtilisationMeter percent={shift.utilizationAfterPercent} />
            <span className={styles.shiftUtil}>
              {formatPercent(shift.utilizationBeforePercent)} → {formatPercent(shift.utilizationAfterPercent)}
            </span>
          </li>
        ))}
      </ul>
      {projection.stranded > 0 ? (
        <p className={styles.error} role="alert">
          No other region is active: {formatInteger(projection.stranded)} viewers would queue on {name}.
        </p>
      ) : null}
    </div>
  );
}
