"use client";

import Link from "next/link";
import { memo, useState } from "react";
import { isNobodyNotified } from "@/core/alerts/alert-channels";
import { orderForAttention, type AlertView } from "@/core/alerts/alert-rules";
import { getRegionConfig } from "@/core/routing/regions";
import { useOperatorOnly } from "@/components/auth/use-session";
import { isStructurallyEqual } from "@/components/ui/equality";
import { AcknowledgeDialog } from "./acknowledge-dialog";
import { formatZonedClockTime } from "@/components/ui/time-format";
import { useTimeZone } from "@/components/ui/use-time-zone";
import { AlertChartDialog } from "./alert-chart-dialog";
import { describeAlertLines, describeAlertLinesShort, describeLiveValue, describeNobodyNotified, formatMetricValue } from "./alert-format";
import { AlertSparkline } from "./alert-sparkline";
import { ChannelChips } from "./channel-status";
import styles from "./alerts.module.css";
import { useAlertSound, useAlertSoundSetting } from "./use-alert-sound";

interface AlertStripProps {
  /** null while the first snapshot loads. */
  alerts: readonly AlertView[] | null;
  /** false on the board's wall: the values and channels are read there, not opened. */
  interactive: boolean;
}

function summarize(alerts: readonly AlertView[]): string {
  if (alerts.length === 0) return "Alerts";
  const acknowledged = alerts.filter((alert) => alert.state === "acknowledged").length;
  const critical = alerts.filter((alert) => alert.severity === "critical").length;
  return [
    `${alerts.length} active alert${alerts.length === 1 ? "" : "s"}`,
    critical > 0 ? `${critical} critical` : null,
    acknowledged > 0 ? `${acknowledged} acknowledged` : null,
  ]
    .filter(Boolean)
    .join(" · ");
}

/** The active alerts, always on the board, unowned and critical first: what fired, where, how bad now, who was told, who owns it. */
function AlertStripView({ alerts, interactive }: AlertStripProps) {
  const [acknowledging, setAcknowledging] = useState<AlertView | null>(null);
  // The chart follows its alert while it is on the strip, and keeps the view it opened with once it leaves.
  const [charted, setCharted] = useState<AlertView | null>(null);
  const chartedNow = charted ? (alerts?.find((alert) => alert.id === charted.id) ?? charted) : null;
  const [sound, setSound] = useAlertSoundSetting();
  useAlertSound(alerts, sound);
  const operatorOnly = useOperatorOnly();
  const zone = useTimeZone();
  if (alerts === null) return null;
  return (
    <section className={styles.strip} data-testid="alerts" aria-label="Active alerts">
      <div className={styles.stripHeader}>
        {/* Only the count is announced: the live values change every second. */}
        <p className={styles.summary} data-testid="alerts-summary" aria-live="polite">
          {summarize(alerts)}
        </p>
        <ChannelChips interactive={interactive} />
        <label className={styles.sound}>
          <input type="checkbox" data-testid="alert-sound" checked={sound} onChange={(event) => setSound(event.target.checked)} />
          Chime on new alerts
        </label>
        <Link className={styles.runbook} href="/alerts">
          History
        </Link>
      </div>
      {alerts.length === 0 ? (
        <p className={styles.quiet} data-testid="alerts-none">
          <span aria-hidden="true" className={styles.quietLamp} /> No active alerts
        </p>
      ) : (
        <ul className={styles.list}>
          {orderForAttention(alerts).map((alert) => (
            <li
              key={alert.id}
              className={styles.alert}
              data-severity={alert.severity}
              data-state={alert.state}
              data-testid={`alert-${alert.id}`}
            >
              <span className={styles.severity}>{alert.severity}</span>
              <span className={styles.title}>
                <strong>{alert.ruleName}</strong> · {getRegionConfig(alert.region).name}
                <span className={styles.impact}>{alert.impact}</span>
                {alert.escalatedAt !== null ? <span className={styles.escalated}>escalated</span> : null}
                {alert.flaps > 0 ? <span className={styles.flaps}>flapped ×{alert.flaps}</span> : null}
                {alert.silencedUntil !== null ? (
                  <span className={styles.flaps}>silenced until {formatZonedClockTime(alert.silencedUntil, zone)}</span>
                ) : null}
              </span>
              <LiveValue alert={alert} onOpenChart={interactive ? () => setCharted(alert) : null} />
              <span className={styles.detail} title={`${describeAlertLines(alert)} (over ${alert.windowSeconds} s)`}>
                {isNobodyNotified(alert.notified) ? (
                  <span className={styles.nobody} title={describeNobodyNotified(alert.notified)} data-testid={`alert-nobody-${alert.id}`}>
                    nobody was notified
                    <span className="visually-hidden">: {describeNobodyNotified(alert.notified)}</span>
                  </span>
                ) : null}
                {describeAlertLinesShort(alert)} · since {formatZonedClockTime(alert.firedAt, zone)}
                {alert.state === "acknowledged" ? ` · acknowledged by ${alert.acknowledgedBy ?? "someone"}: “${alert.note ?? ""}”` : ""}
              </span>
              <span className={styles.actions}>
                <a className={styles.runbook} href={alert.runbookUrl} target="_blank" rel="noreferrer">
                  Runbook
                </a>
                <Link
                  className={styles.runbook}
                  href={`/timeline?region=${alert.region}&alert=${alert.id}`}
                  data-testid={`timeline-${alert.id}`}
                >
                  Timeline
                </Link>
                {alert.state === "firing" ? (
                  <button
                    type="button"
                    className={styles.ack}
                    data-testid={`ack-${alert.id}`}
                    disabled={operatorOnly !== null}
                    title={operatorOnly ?? undefined}
                    onClick={() => setAcknowledging(alert)}
                  >
                    Acknowledge
                  </button>
                ) : null}
              </span>
            </li>
          ))}
        </ul>
      )}
      {acknowledging ? <AcknowledgeDialog alert={acknowledging} onClose={() => setAcknowledging(null)} /> : null}
      {chartedNow ? <AlertChartDialog alert={chartedNow} onClose={() => setCharted(null)} /> : null}
    </section>
  );
}

/**
 * What the metric says now, graded against the rule's lines, the worst since the alert fired, and
 * the window's sparkline; a button that opens the alert's chart, or plain text on the wall (no onOpenChart).
 */
function LiveValue({ alert, onOpenChart }: { alert: AlertView; onOpenChart: (() => void) | null }) {
  const zone = useTimeZone();
  const { live, peak } = alert;
  const format = (value: number) => formatMetricValue(alert.metric, value);
  const region = getRegionConfig(alert.region).name;
  const now = live?.value ?? null;
  // Measured more than a few snapshots ago: the region has gone quiet, and the value says so.
  const old = live !== null && live.measuredAt !== null && live.at - live.measuredAt > 3000;
  const content = (
    <>
      {live ? (
        <AlertSparkline
          values={live.sparkline}
          warning={alert.warning}
          critical={alert.critical}
          level={live.level}
          label={`${alert.ruleName} in ${region} over its last ${alert.windowSeconds} s`}
          testId={`alert-sparkline-${alert.id}`}
        />
      ) : (
        <span className={styles.sparklineEmpty} aria-hidden="true" />
      )}
      <span
        className={styles.valueNow}
        data-level={live?.level ?? "none"}
        data-old={old || undefined}
        data-testid={`alert-value-${alert.id}`}
      >
        {now === null ? "no data" : format(now)}
      </span>
      <span className={styles.peak} data-testid={`alert-peak-${alert.id}`}>
        {peak ? `peak ${format(peak.value)}` : "peak —"}
      </span>
      <span className="visually-hidden">
        {describeLiveValue(alert, zone)}
        {onOpenChart ? ` Open the chart of ${alert.ruleName} in ${region}.` : ""}
      </span>
    </>
  );
  if (!onOpenChart) {
    return (
      <span className={styles.live} title={describeLiveValue(alert, zone)} data-testid={`alert-live-${alert.id}`}>
        {content}
      </span>
    );
  }
  return (
    <button
      type="button"
      className={styles.live}
      title={`${describeLiveValue(alert, zone)} Open the chart of its life.`}
      data-testid={`alert-live-${alert.id}`}
      onClick={onOpenChart}
    >
      {content}
    </button>
  );
}

export const AlertStrip = memo(
  AlertStripView,
  (previous, next) => previous.interactive === next.interactive && isStructurallyEqual(previous.alerts, next.alerts),
);
