"use client";

import { useQuery } from "@tanstack/react-query";
import Link from "next/link";
import { useEffect, useMemo, useState, type ComponentProps } from "react";
import { isAlertInRange, type AlertView } from "@/core/alerts/alert-rules";
import { METRIC_THRESHOLDS } from "@/core/metrics/thresholds";
import { getRegionConfig, type RegionId } from "@/core/routing/regions";
import type { TimelineEntry } from "@/core/timeline/timeline";
import { UserMenu } from "@/components/auth/user-menu";
import { describeAlertThresholds } from "@/components/alerts/alert-format";
import { fetchHistory } from "@/components/board/api";
import { CHART_COLORS } from "@/components/board/chart-theme";
import { writeRangeToAddress } from "@/components/board/range-address";
import { RangeControl } from "@/components/board/range-control";
import { describeRange } from "@/components/board/time-axis";
import { formatZonedDayTime } from "@/components/ui/time-format";
import { useTimeZone } from "@/components/ui/use-time-zone";
import { formatRangeParams, resolveRangeWindow, type TimeRange } from "@/components/board/time-range";
import { Brand } from "@/components/ui/brand";
import { Button } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";
import { formatCompact, formatInteger, formatMs, formatPercent, formatWindow } from "@/components/ui/format";
import { ErrorText } from "@/components/ui/notice";
import page from "@/components/ui/page.module.css";
import { Panel } from "@/components/ui/panel";
import { SiteNav } from "@/components/ui/site-nav";
import { Skeleton } from "@/components/ui/skeleton";
import { useNow } from "@/components/ui/use-now";
import { fetchRegionAlerts, fetchRegionTimeline } from "./api";
import { RegionChart } from "./region-chart";
import { convertRegionRollups } from "./region-series";
import styles from "./region-page.module.css";

// A "last" range follows new rollups, alerts and entries while the page is open.
const REFRESH_MS = 10_000;

type RegionChartSpec = Omit<ComponentProps<typeof RegionChart>, "rangeLabel" | "points" | "domain" | "loading">;

/** The drill-down's charts, in page order; each reads its series from the same history points. */
const REGION_CHARTS: readonly RegionChartSpec[] = [
  {
    title: "Events/s",
    meta: "all events, per second",
    testId: "region-chart-events",
    series: [{ key: "eventsPerSecond", name: "events/s", color: "#5b9cff" }],
    kind: "area",
    formatValue: formatCompact,
    fit: true,
  },
  {
    title: "Latency",
    meta: "p50 / p95 / p99",
    testId: "region-chart-latency",
    series: [
      { key: "p50", name: "p50", color: CHART_COLORS.p50 },
      { key: "p95", name: "p95", color: CHART_COLORS.p95 },
      { key: "p99", name: "p99", color: CHART_COLORS.p99 },
    ],
    kind: "line",
    formatValue: formatMs,
    formatAxis: (value) => `${formatCompact(value)} ms`,
    thresholds: METRIC_THRESHOLDS.processing_latency_ms,
  },
  {
    title: "Error rate",
    meta: "players' error events",
    testId: "region-chart-errors",
    series: [{ key: "errorRatePercent", name: "error rate", color: CHART_COLORS.critical }],
    kind: "line",
    formatValue: (value) => formatPercent(value, 2),
    thresholds: METRIC_THRESHOLDS.error_rate_percent,
  },
  {
    title: "Viewers",
    meta: "watching, at each step's end",
    testId: "region-chart-viewers",
    series: [{ key: "viewers", name: "viewers", color: "#b08cff" }],
    kind: "area",
    formatValue: formatCompact,
  },
  {
    title: "Consumer lag",
    meta: "events behind, worst in each step",
    testId: "region-chart-lag",
    series: [{ key: "lag", name: "events behind", color: "#3fd0c9" }],
    kind: "area",
    formatValue: formatCompact,
    thresholds: METRIC_THRESHOLDS.consumer_lag_messages,
  },
  {
    title: "Quality mix",
    meta: "share of events by quality",
    testId: "region-chart-quality",
    series: [
      { key: "360p", name: "360p", color: "#35557f" },
      { key: "480p", name: "480p", color: "#4570a8" },
      { key: "720p", name: "720p", color: "#5b9cff" },
      { key: "1080p", name: "1080p", color: "#91bcff" },
      { key: "4K", name: "4K", color: "#cfe0ff" },
    ],
    kind: "stack",
    formatValue: (value) => formatPercent(value, 0),
  },
];

function describeFailure(error: Error, what: string): string {
  return `${what} could not be loaded: ${error.message}.`;
}

/**
 * A region's drill-down: its history over the chosen range (events/s, latency, error rate, viewers,
 * lag, quality mix), its alerts and its timeline entries. A "last" range keeps following live data.
 */
export function RegionPage({ regionId, initialRange }: { regionId: RegionId; initialRange: TimeRange }) {
  const zone = useTimeZone();
  const config = getRegionConfig(regionId);
  const [range, setRange] = useState(initialRange);
  useEffect(() => writeRangeToAddress(range), [range]);
  const following = range.kind === "last";

  const history = useQuery({
    queryKey: ["history", regionId, range],
    queryFn: ({ signal }) => {
      const [from, to] = resolveRangeWindow(range, Date.now());
      return fetchHistory(from, to, signal, regionId);
    },
    refetchInterval: following ? REFRESH_MS : false,
  });
  const alerts = useQuery({
    queryKey: ["alerts", "region", regionId, range],
    queryFn: ({ signal }) => fetchRegionAlerts(regionId, following ? null : range.to, signal),
    refetchInterval: following ? REFRESH_MS : false,
  });
  const timeline = useQuery({
    queryKey: ["timeline", "region", regionId, range],
    queryFn: ({ signal }) => {
      const [from, to] = resolveRangeWindow(range, Date.now());
      return fetchRegionTimeline(regionId, from, to, signal);
    },
    refetchInterval: following ? REFRESH_MS : false,
  });

  const now = useNow();
  // The charts cover what the history answered; before that, the range as of now.
  const domain = useMemo<[number, number] | null>(() => {
    if (history.data) return [history.data.from, history.data.to];
    return now === 0 ? null : resolveRangeWindow(range, now);
  }, [history.data, range, now]);
  const stepMs = (history.data?.stepSeconds ?? 0) * 1000;
  const points = useMemo(() => (history.data ? convertRegionRollups(history.data.rollups, stepMs) : []), [history.data, stepMs]);
  const rangeAlerts = useMemo(
    () => (alerts.data && domain ? alerts.data.alerts.filter((alert) => isAlertInRange(alert, domain[0], domain[1])) : null),
    [alerts.data, domain],
  );
  const rangeLabel = describeRange(range, zone.timeZone);
  const rangeQuery = formatRangeParams(range);
  const loading = history.isPending;
  return (
    <div className={page.page}>
      <header className={page.header}>
        <Brand tag="region" />
        <SiteNav current="board" />
        <p className={page.headerNote}>
          History from Postgres{stepMs > 0 ? `, ${formatWindow(stepMs)} steps` : ""}
          {following ? `, refreshed every ${REFRESH_MS / 1000} s` : ""}
        </p>
        <UserMenu />
      </header>
      <main className={page.main}>
        <div className={styles.titleRow}>
          <Link href={`/${rangeQuery ? `?${rangeQuery}` : ""}`} className={styles.back} data-testid="region-back">
            ← Board
          </Link>
          <h2 className={styles.name} data-testid="region-name">
            {config.name}
          </h2>
          <p className={styles.facts}>
            capacity {formatInteger(config.capacity)} viewers · {config.cities.join(", ")}
          </p>
          <div className={styles.range}>
            <RangeControl range={range} onChange={setRange} name="region-range" />
            <p className={styles.facts} data-testid="range-note">
              {rangeLabel}
              {stepMs > 0 ? ` · ${formatWindow(stepMs)} steps` : ""}
            </p>
          </div>
        </div>
        {history.isError ? (
          <div className={styles.problem}>
            <ErrorText>{describeFailure(history.error, "The history")}</ErrorText>
            <Button size="small" onClick={() => void history.refetch()}>
              Retry
            </Button>
          </div>
        ) : null}
        {domain ? (
          <section className={styles.charts} aria-label={`${config.name} history, ${rangeLabel}`} data-testid="region-charts">
            {REGION_CHARTS.map((chart) => (
              <RegionChart key={chart.testId} {...chart} rangeLabel={rangeLabel} points={points} domain={domain} loading={loading} />
            ))}
          </section>
        ) : (
          <Skeleton block />
        )}
        <div className={styles.lists}>
          <Panel title="Alerts" meta="active at any time in the range, newest first">
            {alerts.isError ? (
              <ErrorText>{describeFailure(alerts.error, "The alerts")}</ErrorText>
            ) : rangeAlerts === null ? (
              <Skeleton block />
            ) : rangeAlerts.length === 0 ? (
              <EmptyState inline title="No alerts in this range" detail={`Nothing fired for ${config.name} or was still open then.`} />
            ) : (
              <ul className={styles.list} data-testid="region-alerts">
                {rangeAlerts.map((alert) => (
                  <AlertRow key={alert.id} alert={alert} />
                ))}
              </ul>
            )}
          </Panel>
          <Panel title="Timeline" meta="newest first">
            {timeline.isError ? (
              <ErrorText>{describeFailure(timeline.error, "The timeline")}</ErrorText>
            ) : !timeline.data ? (
              <Skeleton block />
            ) : timeline.data.entries.length === 0 ? (
              <EmptyState
                inline
                title="A quiet range"
                detail={`Nothing fired, failed over, tripped, was silenced or replayed for ${config.name}.`}
              />
            ) : (
              <ol className={styles.list} data-testid="region-timeline">
                {timeline.data.entries.map((entry) => (
                  <TimelineRow key={`${entry.kind}-${entry.action}-${entry.at}-${entry.alertId ?? ""}-${entry.title}`} entry={entry} />
                ))}
              </ol>
            )}
          </Panel>
        </div>
      </main>
    </div>
  );
}

function AlertRow({ alert }: { alert: AlertView }) {
  const zone = useTimeZone();
  return (
    <li className={styles.item} data-severity={alert.severity} data-state={alert.state}>
      <span className={styles.badge}>{alert.severity}</span>
      <div className={styles.itemBody}>
        <p className={styles.itemTitle}>
          <Link href={`/alerts?id=${alert.id}&hours=all`}>{alert.ruleName}</Link> · {alert.state}
        </p>
        <p className={styles.itemDetail}>
          {describeAlertThresholds(alert)} · fired {formatZonedDayTime(alert.firedAt, zone)}
          {alert.resolvedAt !== null ? ` · resolved ${formatZonedDayTime(alert.resolvedAt, zone)}` : ""}
          {alert.acknowledgedBy ? ` · acknowledged by ${alert.acknowledgedBy}` : ""}
        </p>
      </div>
    </li>
  );
}

function TimelineRow({ entry }: { entry: TimelineEntry }) {
  const zone = useTimeZone();
  return (
    <li className={styles.item} data-kind={entry.kind}>
      <time className={`${styles.when} num`} dateTime={new Date(entry.at).toISOString()}>
        {formatZonedDayTime(entry.at, zone)}
      </time>
      <div className={styles.itemBody}>
        <p className={styles.itemTitle}>{entry.title}</p>
        {entry.detail || entry.actor ? (
          <p className={styles.itemDetail}>{[entry.actor ? `by ${entry.actor}` : null, entry.detail].filter(Boolean).join(" · ")}</p>
        ) : null}
      </div>
    </li>
  );
}
