"use client";

import { keepPreviousData, useQuery } from "@tanstack/react-query";
import Link from "next/link";
import { useEffect, useState, type KeyboardEvent } from "react";
import { ALERT_SEVERITIES, ALERT_STATES, type AlertView } from "@/core/alerts/alert-rules";
import { REGIONS, getRegionConfig } from "@/core/routing/regions";
import { UserMenu } from "@/components/auth/user-menu";
import { useOperatorOnly } from "@/components/auth/use-session";
import { Brand } from "@/components/ui/brand";
import { EmptyState } from "@/components/ui/empty-state";
import { formatElapsed } from "@/components/ui/format";
import { SiteNav } from "@/components/ui/site-nav";
import { Skeleton } from "@/components/ui/skeleton";
import { formatClockTime, formatDayTime, formatZonedClockTime } from "@/components/ui/time-format";
import { TimeZoneLabel } from "@/components/ui/time-zone-control";
import { useTimeZone } from "@/components/ui/use-time-zone";
import { useNow } from "@/components/ui/use-now";
import page from "@/components/ui/page.module.css";
import { isNobodyNotified } from "@/core/alerts/alert-channels";
import { AcknowledgeDialog } from "./acknowledge-dialog";
import { AlertChartDialog } from "./alert-chart-dialog";
import { ALERTS_QUERY_KEY, buildAlertQuery, fetchAlert, fetchAlerts, fetchRuleSummaries, type AlertFilters } from "./api";
import { describeAlertThresholds, describeNobodyNotified, formatMetricValue } from "./alert-format";
import styles from "./history.module.css";

/** Often enough that an alert changing state shows within seconds; the board has the live push. */
const REFRESH_MS = 5000;
const HOUR_CHOICES = [
  { value: "1", label: "Last hour" },
  { value: "6", label: "Last 6 hours" },
  { value: "12", label: "Last 12 hours" },
  { value: "24", label: "Last 24 hours" },
  { value: "", label: "Any time" },
] as const;

export interface AlertHistoryInitial extends AlertFilters {
  id: string | null;
}

function describeOwner(alert: AlertView): string {
  if (alert.acknowledgedBy) return alert.acknowledgedBy;
  return alert.state === "firing" ? "nobody yet" : "—";
}

/** The alert history: every alert that fired, filtered by state, region, severity, rule and time; one opens beside the list. */
export function AlertHistoryPage({ initial }: { initial: AlertHistoryInitial }) {
  const [filters, setFilters] = useState<AlertFilters>({
    state: initial.state,
    region: initial.region,
    severity: initial.severity,
    ruleId: initial.ruleId,
    hours: initial.hours,
  });
  const [selectedId, setSelectedId] = useState<string | null>(initial.id);
  const now = useNow();
  const zone = useTimeZone();

  const rules = useQuery({ queryKey: ["alert-rules", "summaries"], queryFn: ({ signal }) => fetchRuleSummaries(signal) });
  const alerts = useQuery({
    queryKey: [...ALERTS_QUERY_KEY, "list", filters],
    queryFn: ({ signal }) => fetchAlerts(buildAlertQuery(filters, Date.now()), signal),
    refetchInterval: REFRESH_MS,
    // The old rows stay while new filters load, so the table never blanks out.
    placeholderData: keepPreviousData,
  });

  // The address holds the filters and the open alert, so a link from the timeline or a colleague reopens the view.
  useEffect(() => {
    // "Any time" is written as hours=all: left out, the page would open on its default of 12 hours.
    const params = new URLSearchParams(Object.entries({ ...filters, hours: filters.hours || "all" }).filter(([, value]) => value !== ""));
    if (selectedId) params.set("id", selectedId);
    const target = `/alerts${params.size > 0 ? `?${params}` : ""}`;
    if (`${window.location.pathname}${window.location.search}` !== target) window.history.replaceState(window.history.state, "", target);
  }, [filters, selectedId]);

  const setFilter = (key: keyof AlertFilters) => (value: string) => setFilters((current) => ({ ...current, [key]: value }));
  const list = alerts.data?.alerts ?? null;

  function openOnEnter(event: KeyboardEvent<HTMLTableRowElement>, id: string): void {
    if (event.key === "Enter" || event.key === " ") {
      event.preventDefault();
      setSelectedId(id);
    }
  }

  return (
    <div className={page.page}>
      <header className={page.header}>
        <Brand tag="alerts" />
        <SiteNav current="alerts" />
        <p className={page.headerNote}>
          Every alert that fired, who owned it and how it ended · times in <TimeZoneLabel /> ·{" "}
          <Link href="/alerts/rules" data-testid="rules-link">
            Rules &amp; silences →
          </Link>
        </p>
        <UserMenu />
      </header>
      <main className={page.main}>
        <form className={page.filters} aria-label="Filter alerts" onSubmit={(event) => event.preventDefault()}>
          <FilterSelect
            label="State"
            value={filters.state}
            onChange={setFilter("state")}
            testId="filter-state"
            options={[
              { value: "", label: "Any state" },
              { value: "active", label: "Active (firing or acknowledged)" },
              ...ALERT_STATES.map((state) => ({ value: state, label: state })),
            ]}
          />
          <FilterSelect
            label="Region"
            value={filters.region}
            onChange={setFilter("region")}
            testId="filter-region"
            options={[{ value: "", label: "All regions" }, ...REGIONS.map((region) => ({ value: region.id, label: region.name }))]}
          />
          <FilterSelect
            label="Severity"
            value={filters.severity}
            onChange={setFilter("severity")}
            testId="filter-severity"
            options={[{ value: "", label: "Any severity" }, ...ALERT_SEVERITIES.map((severity) => ({ value: severity, label: severity }))]}
          />
          <FilterSelect
            label="Rule"
            value={filters.ruleId}
            onChange={setFilter("ruleId")}
            testId="filter-rule"
            options={[
              { value: "", label: rules.isPending ? "Loading rules…" : "Any rule" },
              ...(rules.data?.rules ?? []).map((rule) => ({ value: rule.id, label: rule.name })),
            ]}
          />
          <FilterSelect
            label="Fired"
            value={filters.hours}
            onChange={setFilter("hours")}
            testId="filter-hours"
            options={[...HOUR_CHOICES]}
          />
          <button
            type="button"
            className={page.button}
            onClick={() => setFilters({ state: "", region: "", severity: "", ruleId: "", hours: "" })}
          >
            Clear filters
          </button>
          <p className={page.count} aria-live="polite" data-testid="alerts-count">
            {list
              ? `${list.length}${list.length === 500 ? "+" : ""} alert${list.length === 1 ? "" : "s"}${alerts.isFetching && alerts.isPlaceholderData ? " · updating…" : ""}`
              : " "}
          </p>
        </form>
        {alerts.isError ? (
          <p className={page.error} role="alert">
            The alert history could not be loaded: {alerts.error.message}. Retrying every {REFRESH_MS / 1000} s.
          </p>
        ) : null}
        <div className={styles.layout}>
          <section className={styles.tableWrap} aria-label="Alerts">
            <table className={styles.table} data-testid="alert-history">
              <thead>
                <tr>
                  <th scope="col">Severity</th>
                  <th scope="col">Rule</th>
                  <th scope="col">Region</th>
                  <th scope="col">State</th>
                  <th scope="col">Fired ({zone.label})</th>
                  <th scope="col">Lasted</th>
                  <th scope="col">Owner</th>
                </tr>
              </thead>
              <tbody>
                {list === null
                  ? Array.from({ length: 6 }, (_, row) => (
                      <tr key={row} aria-hidden="true">
                        {Array.from({ length: 7 }, (_, cell) => (
                          <td key={cell}>
                            <Skeleton width="6em" />
                          </td>
                        ))}
                      </tr>
                    ))
                  : list.map((alert) => (
                      <tr
                        key={alert.id}
                        tabIndex={0}
                        className={styles.row}
                        aria-selected={alert.id === selectedId}
                        data-state={alert.state}
                        data-severity={alert.severity}
                        data-testid={`alert-row-${alert.id}`}
                        onClick={() => setSelectedId(alert.id)}
                        onKeyDown={(event) => openOnEnter(event, alert.id)}
                      >
                        <td>
                          <span className={styles.severity}>{alert.severity}</span>
                        </td>
                        <td className={styles.rule}>{alert.ruleName}</td>
                        <td>{getRegionConfig(alert.region).name}</td>
                        <td>
                          <span className={styles.state}>{alert.state}</span>
                        </td>
                        <td className={styles.num}>
                          <time dateTime={new Date(alert.firedAt).toISOString()} data-testid="alert-fired-at">
                            {formatDayTime(alert.firedAt, zone.timeZone)}
                          </time>
                        </td>
                        <td className={styles.num}>{formatElapsed((alert.resolvedAt ?? now) - alert.firedAt)}</td>
                        <td>{describeOwner(alert)}</td>
                      </tr>
                    ))}
              </tbody>
            </table>
            {list !== null && list.length === 0 ? (
              <EmptyState
                inline
                title="No alerts match these filters"
                detail="Widen the time range or clear a filter; rules that never fired leave no alerts."
              />
            ) : null}
          </section>
          <AlertDetail id={selectedId} onClose={() => setSelectedId(null)} />
        </div>
      </main>
    </div>
  );
}

interface FilterSelectProps {
  label: string;
  value: string;
  options: ReadonlyArray<{ value: string; label: string }>;
  onChange: (value: string) => void;
  testId: string;
}

function FilterSelect({ label, value, options, onChange, testId }: FilterSelectProps) {
  return (
    <label className={page.filter}>
      {label}
      <select value={value} data-testid={testId} onChange={(event) => onChange(event.target.value)}>
        {options.map((option) => (
          <option key={option.value} value={option.value}>
            {option.label}
          </option>
        ))}
      </select>
    </label>
  );
}

const HISTORY_WORDS: Record<string, string> = {
  fired: "Fired",
  severity: "Severity changed",
  acknowledged: "Acknowledged",
  escalated: "Escalated",
  resolved: "Resolved",
  reopened: "Reopened (flap)",
  delivered: "Notified",
  delivery_failed: "Notification failed",
  delivery_skipped: "Notification skipped",
};

/** One alert: what it measured against which lines, and every change and notification, oldest first. */
function AlertDetail({ id, onClose }: { id: string | null; onClose: () => void }) {
  const [acknowledging, setAcknowledging] = useState(false);
  const zone = useTimeZone();
  const [charting, setCharting] = useState(false);
  const operatorOnly = useOperatorOnly();
  const detail = useQuery({
    queryKey: [...ALERTS_QUERY_KEY, "detail", id],
    queryFn: ({ signal }) => fetchAlert(id!, signal),
    enabled: id !== null,
    refetchInterval: REFRESH_MS,
  });
  if (id === null) {
    return (
      <aside className={styles.detail} aria-label="Alert">
        <EmptyState
          inline
          title="Pick an alert"
          detail="Click a row, or focus it and press Enter, to see its history and its place on the timeline."
        />
      </aside>
    );
  }
  if (detail.isError) {
    return (
      <aside className={styles.detail} aria-label="Alert">
        <p className={page.error} role="alert">
          This alert could not be loaded: {detail.error.message}
        </p>
        <button type="button" className={page.button} onClick={onClose}>
          Close
        </button>
      </aside>
    );
  }
  if (!detail.data) {
    return (
      <aside className={styles.detail} aria-label="Alert" aria-busy="true">
        <Skeleton block />
      </aside>
    );
  }
  const { alert, history } = detail.data;
  const region = getRegionConfig(alert.region).name;
  return (
    <aside className={styles.detail} aria-label={`Alert: ${alert.ruleName} in ${region}`} data-testid="alert-detail">
      <header className={styles.detailHeader}>
        <h2 className={styles.detailTitle}>
          {alert.ruleName} · {region}
        </h2>
        <button type="button" className={styles.close} aria-label="Close the alert" onClick={onClose}>
          ×
        </button>
      </header>
      <p className={styles.chips}>
        <span className={styles.severity} data-severity={alert.severity}>
          {alert.severity}
        </span>
        <span className={styles.state} data-state={alert.state}>
          {alert.state}
        </span>
        <span className={styles.chip}>{alert.impact} impact</span>
        {alert.escalatedAt !== null ? <span className={styles.chip}>escalated</span> : null}
        {alert.flaps > 0 ? <span className={styles.chip}>flapped ×{alert.flaps}</span> : null}
      </p>
      <p className={styles.thresholds}>
        {describeAlertThresholds(alert)}
        {alert.state !== "resolved" && alert.live?.value != null ? " now" : ""}
        {alert.peak ? ` · peak ${formatMetricValue(alert.metric, alert.peak.value)} at ${formatZonedClockTime(alert.peak.at, zone)}` : ""}
      </p>
      {isNobodyNotified(alert.notified) ? (
        <p className={styles.nobody} data-testid="alert-detail-nobody">
          Nobody was notified: {describeNobodyNotified(alert.notified)}.
        </p>
      ) : null}
      {alert.note ? (
        <p className={styles.note}>
          “{alert.note}” — {alert.acknowledgedBy ?? "someone"}
        </p>
      ) : null}
      <p className={styles.links}>
        <button type="button" className={page.button} data-testid="alert-chart-open" onClick={() => setCharting(true)}>
          Chart
        </button>
        <Link href={`/timeline?region=${alert.region}&alert=${alert.id}`} data-testid="alert-timeline-link">
          On the timeline
        </Link>
        <a href={alert.runbookUrl} target="_blank" rel="noreferrer">
          Runbook
        </a>
        {alert.state === "firing" ? (
          <button
            type="button"
            className={page.button}
            disabled={operatorOnly !== null}
            title={operatorOnly ?? undefined}
            onClick={() => setAcknowledging(true)}
          >
            Acknowledge
          </button>
        ) : null}
      </p>
      <ol className={styles.history} data-testid="alert-detail-history">
        {history.map((entry, index) => (
          <li key={index} data-kind={entry.kind}>
            <time dateTime={new Date(entry.at).toISOString()}>{formatClockTime(entry.at, zone.timeZone)}</time>
            <span className={styles.historyKind}>{HISTORY_WORDS[entry.kind] ?? entry.kind}</span>
            <span className={styles.historyNote}>{[entry.actor ? `by ${entry.actor}` : null, entry.note].filter(Boolean).join(": ")}</span>
          </li>
        ))}
      </ol>
      {acknowledging ? <AcknowledgeDialog alert={alert} onClose={() => setAcknowledging(false)} /> : null}
      {charting ? <AlertChartDialog alert={alert} onClose={() => setCharting(false)} /> : null}
    </aside>
  );
}
