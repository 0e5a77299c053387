"use client";

import Link from "next/link";
import { memo, useState } from "react";
import type { AlertView } from "@/core/alerts/alert-rules";
import { getRegionConfig } from "@/core/routing/regions";
import { useOperatorOnly } from "@/components/auth/use-session";
import { isStructurallyEqual } from "@/components/ui/equality";
import { AcknowledgeDialog } from "./acknowledge-dialog";
import { formatZonedClockTime } from "@/components/ui/time-format";
import { useTimeZone } from "@/components/ui/use-time-zone";
import { describeAlertThresholds } from "./alert-format";
import styles from "./alerts.module.css";
import { useAlertSound, useAlertSoundSetting } from "./use-alert-sound";

interface AlertStripProps {
  /** null while the first snapshot loads. */
  alerts: readonly AlertView[] | null;
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

/** The active alerts, always on the board, newest first: what fired, where, how bad, who owns it. */
function AlertStripView({ alerts }: AlertStripProps) {
  const [acknowledging, setAcknowledging] = useState<AlertView | null>(null);
  const [sound, setSound] = useAlertSoundSetting();
  useAlertSound(alerts, sound);
  const operatorOnly = useOperatorOnly();
  const zone = useTimeZone();
  if (alerts === null) return null;
  return (
    <section className={styles.strip} data-testid="alerts" aria-label="Active alerts" aria-live="polite">
      <div className={styles.stripHeader}>
        <p className={styles.summary} data-testid="alerts-summary">
          {summarize(alerts)}
        </p>
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
          {alerts.map((alert) => (
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
              <span className={styles.detail}>
                {describeAlertThresholds(alert)} · since {formatZonedClockTime(alert.firedAt, zone)}
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
    </section>
  );
}

export const AlertStrip = memo(AlertStripView, (previous, next) => isStructurallyEqual(previous.alerts, next.alerts));
