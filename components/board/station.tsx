import Link from "next/link";
import { useRouter } from "next/navigation";
import { memo, type KeyboardEvent, type MouseEvent } from "react";
import type { RegionChange } from "@/core/routing/region-state";
import type { RegionConfig } from "@/core/routing/regions";
import { evaluateThreshold, type ThresholdLevel } from "@/core/metrics/thresholds";
import type { RegionSnapshot } from "@/core/metrics/snapshot";
import { formatCompact, formatInteger, formatMs, formatPercent, formatRate, formatSeconds } from "@/components/ui/format";
import { isStructurallyEqual } from "@/components/ui/equality";
import { SignalLamp } from "@/components/ui/signal-lamp";
import { Skeleton } from "@/components/ui/skeleton";
import { STATUS_LABELS } from "@/components/ui/status";
import type { ZoneView } from "@/components/ui/time-format";
import { useTimeZone } from "@/components/ui/use-time-zone";
import { UtilisationMeter } from "@/components/ui/utilisation-meter";
import { listAvailableControls, type RegionControlRequest } from "./region-controls";
import { describeFailover } from "./describe-failover";
import { StationActions } from "./station-actions";
import styles from "./station.module.css";
import { CIRCUIT_LABELS, describeSpillover, HEALTH_LABELS, StationRouting } from "./station-routing";

function describeStation(config: RegionConfig, region: RegionSnapshot, failover: RegionChange | null, zone: ZoneView): string {
  const parts = [
    region.active ? `${config.name}: ${STATUS_LABELS[region.status]}` : `${config.name}: ${describeFailover(failover, zone)}`,
    region.active ? (region.statusReason ?? null) : null,
    CIRCUIT_LABELS[region.circuit],
    `${HEALTH_LABELS[region.health]}: ${region.healthReason}`,
    describeSpillover(region),
    `${formatCompact(region.viewers)} viewers`,
    `${formatCompact(region.eventsPerSecond)} events per second`,
    `p95 latency ${formatMs(region.latencyMs.p95)}`,
    `error rate ${formatPercent(region.errorRatePercent, 2)}`,
    `${formatRate(region.failuresPerSecond)} processing failures`,
    `utilisation ${formatPercent(region.utilizationPercent)}`,
    `consumer lag ${formatCompact(region.lag.messages)} events, oldest ${formatSeconds(region.lag.seconds)}`,
    `average buffer ${formatSeconds(region.avgBufferHealth)}`,
    `${formatCompact(region.qualityChangesPerSecond)} quality changes per second`,
  ];
  return parts.filter((part) => part !== null).join(". ");
}

/** Processing failures since start by severity, and the alternative path, for the tooltip: what a drill or a fault did. */
function describeFailures(region: RegionSnapshot): string {
  const { CATASTROPHIC, PERSISTENT, TRANSIENT } = region.failures;
  return [
    `${formatRate(region.failuresPerSecond)} processing failures in the last second (not in the error rate)`,
    `since start: ${formatInteger(CATASTROPHIC)} catastrophic, ${formatInteger(PERSISTENT)} persistent, ${formatInteger(TRANSIENT)} transient`,
    `${formatInteger(region.alternativePath)} taken by the alternative path`,
  ].join("\n");
}

/** The lag per partition, for the tooltip: where a backlog sits matters when one partition is stuck. */
function describeLag(region: RegionSnapshot): string {
  const parts = region.lag.partitions.map(
    (p) => `partition ${p.partition}: ${formatInteger(p.messages)} behind, oldest ${formatSeconds(p.seconds)}`,
  );
  return [`${formatInteger(region.lag.messages)} events not yet consumed`, ...parts].join("\n");
}

/** What the station's error rate counts, on hover: operators read it during drills, which it does not include. */
const ERROR_RATE_MEANING =
  "Error events players reported, as a share of this region's events in the last second. Processing failures " +
  "(drills, the engine) are not in it: they show as Failed.";

function describeQuietReason(region: RegionSnapshot): string {
  return region.status === "idle" ? "No traffic in this region" : "Within all thresholds";
}

interface MetricProps {
  label: string;
  value: string | null;
  level?: ThresholdLevel;
  title?: string;
  testId?: string;
}

function Metric({ label, value, level = "ok", title, testId }: MetricProps) {
  return (
    <div className={styles.metric} data-level={level}>
      <dt>{label}</dt>
      <dd className="num" title={title} data-testid={testId}>
        {value ?? <Skeleton width="3.4em" />}
      </dd>
    </div>
  );
}

// A click on one of these inside the station is theirs, not the station's.
const OWN_CLICK_TARGETS = "a, button, summary, input, select, textarea, label, [role='menu'], dialog";

interface StationProps {
  config: RegionConfig;
  /** The station's drill-down page, with the board's time range; null on the wall, where a station is read, not opened. */
  drillHref: string | null;
  /** null while the first snapshot loads. */
  region: RegionSnapshot | null;
  /** The latest failover on record while the region is failed over; null otherwise or when none is listed. */
  failover: RegionChange | null;
  stale: boolean;
  onRequestControl: (request: RegionControlRequest) => void;
}

/** One region as a signal on the track: lamp and status plate above, its readings below. */
function StationView({ config, drillHref, region, failover, stale, onRequestControl }: StationProps) {
  const router = useRouter();
  const status = region?.status ?? "idle";
  const loading = region === null;
  // A failed-over region carries no traffic of its own: its one statement is that, not a status of what little is left.
  const failedOver = region !== null && !region.active;
  const zone = useTimeZone();
  // The whole card opens the drill-down (click, or Enter on the focused card); its menu and links keep their own clicks.
  const openOnClick = (event: MouseEvent<HTMLElement>) => {
    if (drillHref !== null && !(event.target as Element).closest(OWN_CLICK_TARGETS)) router.push(drillHref);
  };
  const openOnEnter = (event: KeyboardEvent<HTMLElement>) => {
    if (drillHref !== null && event.key === "Enter" && event.target === event.currentTarget) router.push(drillHref);
  };
  const description = region ? describeStation(config, region, failover, zone) : `${config.name}: waiting for the first snapshot`;
  return (
    <li className={styles.slot}>
      <article
        className={styles.station}
        data-testid={`station-${config.id}`}
        data-status={status}
        data-active={region ? String(region.active) : undefined}
        data-circuit={region?.circuit}
        data-health={region?.health}
        data-stale={stale || undefined}
        data-opens={drillHref !== null || undefined}
        tabIndex={drillHref === null ? undefined : 0}
        aria-busy={loading || undefined}
        aria-label={drillHref === null ? description : `${description}. Enter opens its history`}
        onClick={drillHref === null ? undefined : openOnClick}
        onKeyDown={drillHref === null ? undefined : openOnEnter}
      >
        <div className={styles.signal}>
          <SignalLamp status={loading ? "loading" : failedOver ? "idle" : status} />
          {failedOver ? (
            <span className={styles.failedOver} title="Routing sends this region's load to the other regions">
              Failed over
            </span>
          ) : (
            <span className={styles.plate} data-status={loading ? "loading" : status}>
              {loading ? "—" : STATUS_LABELS[status]}
            </span>
          )}
          {stale ? <span className={styles.staleTag}>stale</span> : null}
        </div>
        <div className={styles.card}>
          <header className={styles.cardHeader}>
            <h3 className={styles.name}>
              {drillHref === null ? (
                config.name
              ) : (
                <Link
                  href={drillHref}
                  className={styles.nameLink}
                  data-testid={`station-${config.id}-open`}
                  title={`${config.name}: history, alerts and timeline`}
                >
                  {config.name}
                </Link>
              )}
            </h3>
            <span className={`${styles.capacity} num`} title={`Capacity ${formatInteger(config.capacity)} viewers`}>
              cap {formatCompact(config.capacity)}
            </span>
            <StationActions
              regionId={config.id}
              name={config.name}
              controls={region ? listAvailableControls(region) : null}
              onSelect={(control) => onRequestControl({ region: config.id, control })}
            />
          </header>
          <p className={styles.eps}>
            <span className={`${styles.epsValue} num`} data-testid={`station-${config.id}-eps`}>
              {region ? formatCompact(region.eventsPerSecond) : <Skeleton width="2.6em" />}
            </span>
            <span className={styles.epsUnit}>events/s</span>
          </p>
          <dl className={styles.metrics}>
            <Metric
              label="Viewers"
              value={region ? formatCompact(region.viewers) : null}
              title={region ? formatInteger(region.viewers) : undefined}
              testId={`station-${config.id}-viewers`}
            />
            <Metric
              label="p95"
              value={region ? formatMs(region.latencyMs.p95) : null}
              level={region ? evaluateThreshold("processing_latency_ms", region.latencyMs.p95) : "ok"}
            />
            <Metric
              label="Errors"
              value={region ? formatPercent(region.errorRatePercent, 2) : null}
              level={region ? evaluateThreshold("error_rate_percent", region.errorRatePercent) : "ok"}
              title={ERROR_RATE_MEANING}
            />
            <Metric label="Buffer" value={region ? formatSeconds(region.avgBufferHealth) : null} />
            <Metric label="Quality Δ" value={region ? formatRate(region.qualityChangesPerSecond) : null} />
            <Metric
              label="Util"
              value={region ? formatPercent(region.utilizationPercent) : null}
              level={region ? evaluateThreshold("utilization_percent", region.utilizationPercent) : "ok"}
            />
            <Metric
              label="Lag"
              value={region ? formatCompact(region.lag.messages) : null}
              level={region ? evaluateThreshold("consumer_lag_messages", region.lag.messages) : "ok"}
              title={region ? describeLag(region) : undefined}
            />
            <Metric
              label="Lag age"
              value={region ? formatSeconds(region.lag.seconds) : null}
              title={region ? describeLag(region) : undefined}
            />
            <Metric
              label="Failed"
              value={region ? formatRate(region.failuresPerSecond) : null}
              level={region && region.failuresPerSecond > 0 ? "warning" : "ok"}
              title={region ? describeFailures(region) : undefined}
              testId={`station-${config.id}-failed`}
            />
          </dl>
          <UtilisationMeter percent={region?.utilizationPercent ?? null} />
          <p
            className={styles.reason}
            data-status={failedOver ? "idle" : status}
            data-testid={`station-${config.id}-reason`}
            title={failedOver ? describeFailover(failover, zone) : undefined}
          >
            {region === null ? (
              <Skeleton width="70%" />
            ) : failedOver ? (
              describeFailover(failover, zone)
            ) : (
              (region.statusReason ?? describeQuietReason(region))
            )}
          </p>
          <StationRouting region={region} />
        </div>
      </article>
    </li>
  );
}

export const Station = memo(StationView, (previous, next) => {
  return (
    previous.config === next.config &&
    previous.drillHref === next.drillHref &&
    previous.stale === next.stale &&
    previous.onRequestControl === next.onRequestControl &&
    isStructurallyEqual(previous.region, next.region) &&
    isStructurallyEqual(previous.failover, next.failover)
  );
});
