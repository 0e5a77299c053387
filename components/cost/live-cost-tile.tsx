"use client";

import { useQuery } from "@tanstack/react-query";
import Link from "next/link";
import { getRegionConfig } from "@/core/routing/regions";
import { ApiError } from "@/components/ui/api-client";
import { formatCompact, formatRate } from "@/components/ui/format";
import { Panel } from "@/components/ui/panel";
import { Skeleton } from "@/components/ui/skeleton";
import { fetchLiveCost, LIVE_COST_QUERY_KEY } from "./api";
import { formatRupees } from "./format-cost";
import tile from "@/components/ui/tile.module.css";
import styles from "./live-cost-tile.module.css";

const LIVE_COST_POLL_MS = 5000;

/** The board's cost tile: the month's compute if tonight's measured events/s held, per region, with a way to the cost page. */
export function LiveCostTile() {
  const live = useQuery({
    queryKey: LIVE_COST_QUERY_KEY,
    queryFn: ({ signal }) => fetchLiveCost(signal),
    retry: 1,
    retryDelay: 1000,
    refetchInterval: LIVE_COST_POLL_MS,
    refetchIntervalInBackground: true,
  });
  const data = live.data;

  return (
    <Panel title="Cost" meta="a month if tonight held · compute">
      <div className={tile.tile} data-testid="cost-tile" aria-busy={data ? undefined : true}>
        <p className={tile.total}>
          <span className="num" data-testid="cost-tile-total">
            {data ? formatRupees(data.monthlyComputeInr) : <Skeleton width="5em" />}
          </span>
          <span className={tile.unit}>/month</span>
        </p>
        <p className={tile.note}>
          {data
            ? `${data.totalInstances} instances at ${formatCompact(data.eventsPerSecondPerInstance)} events/s each, min ${data.minInstances} a region`
            : "\u00a0"}
        </p>
        <ul className={styles.liveRegions} aria-label="Projected compute by region">
          {(data?.regions ?? []).map((region) => (
            <li key={region.region} className={styles.liveRegion}>
              <span className={styles.liveRegionName}>{getRegionConfig(region.region).name}</span>
              <span
                className="num"
                title={`${formatRate(region.eventsPerSecond)} now, ${region.utilizationPercent}% of ${region.instances} instances`}
              >
                {region.instances}× · {region.utilizationPercent}%
              </span>
              <span className={`${styles.liveRegionCost} num`}>
                {formatRupees(region.monthlyComputeInr)}
                {region.ratesEstimate ? <abbr title="estimated rates">*</abbr> : null}
              </span>
            </li>
          ))}
        </ul>
        {live.isError ? (
          <p className={styles.liveProblem} role="status">
            {live.error instanceof ApiError ? live.error.message : "The projection could not be fetched"}; retrying every{" "}
            {LIVE_COST_POLL_MS / 1000} s.
          </p>
        ) : null}
        <Link href="/cost" className={tile.link} data-testid="cost-tile-link">
          Cost scenarios →
        </Link>
      </div>
    </Panel>
  );
}
