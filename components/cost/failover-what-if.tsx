import { useId, useState } from "react";
import type { FailoverCost } from "@/core/cost/failover-what-if";
import { getRegionConfig, type RegionId } from "@/core/routing/regions";
import { Segmented } from "@/components/ui/segmented";
import { formatRupees, formatRupeesChange } from "./format-cost";
import styles from "./failover-what-if.module.css";

const nameOf = (region: RegionId) => getRegionConfig(region).name;

function hourText(hour: number): string {
  return `${String(hour).padStart(2, "0")}:00 IST`;
}

/** Fail one region over for a month: who takes its users, at what latency and utilisation, at what cost. */
export function FailoverWhatIf({ failovers, latencyBoundMs }: { failovers: readonly FailoverCost[]; latencyBoundMs: number }) {
  const groupName = useId();
  const [picked, setPicked] = useState<RegionId | null>(null);
  // The picked region may have left the scenario since; then the first region is shown.
  const failover = failovers.find((candidate) => candidate.failedRegion === picked) ?? failovers[0];
  if (!failover) return null;
  const taker = failover.takerRegion;

  return (
    <div className={styles.failover} data-testid="failover">
      <Segmented
        legend="If this region fails over"
        name={groupName}
        options={failovers.map((candidate) => ({
          value: candidate.failedRegion,
          label: nameOf(candidate.failedRegion),
          testId: `failover-pick-${candidate.failedRegion}`,
        }))}
        value={failover.failedRegion}
        onChange={setPicked}
      />

      {taker === null ? (
        <p className={styles.failoverAlone} data-testid="failover-result">
          {failover.actions[0]}
        </p>
      ) : (
        <dl className={styles.failoverFacts} data-testid="failover-result">
          <div data-level="info">
            <dt>Takes its load</dt>
            <dd>{nameOf(taker)}</dd>
          </div>
          <div data-level={failover.withinLatencyBound ? "ok" : "warning"}>
            <dt>Latency for {nameOf(failover.failedRegion)}&apos;s users</dt>
            <dd className="num">
              +{failover.latencyMs} ms
              <small>
                {failover.withinLatencyBound ? ` within the ${latencyBoundMs} ms bound` : ` beyond the ${latencyBoundMs} ms bound`}
              </small>
            </dd>
          </div>
          <div data-level={(failover.takerPeakUtilizationPercent ?? 0) > 100 ? "warning" : "ok"}>
            <dt>
              {nameOf(taker)} at {hourText(failover.peakHour)}
            </dt>
            <dd className="num">
              {failover.takerPeakUtilizationPercent}%
              <small>
                {failover.takerPeakInstancesAfter !== failover.takerPeakInstancesBefore
                  ? ` of its fleet: ${failover.takerPeakInstancesBefore} → ${failover.takerPeakInstancesAfter} instances`
                  : ` on its ${failover.takerPeakInstancesBefore} instances`}
              </small>
            </dd>
          </div>
          <div data-level={failover.deltaInr > 0 ? "warning" : "ok"}>
            <dt>Month while it is down</dt>
            <dd className="num" data-testid="failover-cost">
              {formatRupees(failover.failoverInr)}
              <small>
                {" "}
                {formatRupeesChange(failover.deltaInr)} vs {formatRupees(failover.currentInr)}
              </small>
            </dd>
          </div>
        </dl>
      )}
      <ul className={styles.failoverActions}>
        {failover.actions.slice(taker === null ? 1 : 0).map((action) => (
          <li key={action}>{action}</li>
        ))}
      </ul>
    </div>
  );
}
