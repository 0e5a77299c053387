import type { AlertChannel, AlertView } from "./alert-rules";
import type { MetricName } from "../metrics/thresholds";
import { getRegionConfig } from "../routing/regions";

/** What is being announced: a new (or reopened) alert, an escalation, an acknowledgement, a resolution. */
export type AlertNotice = "fired" | "escalated" | "acknowledged" | "resolved";

const UNITS: Record<MetricName, (value: number) => string> = {
  processing_latency_ms: (v) => `${Math.round(v)} ms`,
  events_per_second: (v) => `${Math.round(v)} events/s`,
  error_rate_percent: (v) => `${v.toFixed(2)}%`,
  memory_utilization_percent: (v) => `${v.toFixed(1)}%`,
  consumer_lag_messages: (v) => `${Math.round(v)} events`,
  network_utilization_percent: (v) => `${v.toFixed(1)}%`,
  disk_io_utilization_percent: (v) => `${v.toFixed(1)}%`,
  inter_region_latency_ms: (v) => `${Math.round(v)} ms`,
};

/** A metric value in its unit, for messages: "2.50%", "240 ms". */
export function formatAlertValue(metric: MetricName, value: number): string {
  return Number.isFinite(value) ? UNITS[metric](value) : "not measured";
}

/** An instant in Indian Standard Time (UTC+5:30, no daylight saving): "2026-11-26 21:04:05 IST". */
export function formatIst(at: number): string {
  const ist = new Date(at + 330 * 60_000).toISOString();
  return `${ist.slice(0, 10)} ${ist.slice(11, 19)} IST`;
}

/** SPEC section 5's message: rule, region, value against both thresholds in their units, time in IST, impact, runbook. */
export function buildAlertText(alert: AlertView, notice: AlertNotice): { title: string; lines: string[] } {
  const region = getRegionConfig(alert.region).name;
  const value = (v: number) => formatAlertValue(alert.metric, v);
  const verb = { fired: "FIRING", escalated: "ESCALATED (not acknowledged)", acknowledged: "ACKNOWLEDGED", resolved: "RESOLVED" }[notice];
  const title = `[${verb}] ${alert.ruleName} in ${region} (${alert.severity}, ${alert.impact} impact)`;
  const lines = [
    `Value ${value(alert.value)}; warning ${alert.direction} ${value(alert.warning)}, critical ${alert.direction} ${value(alert.critical)} (over ${alert.windowSeconds} s).`,
    `Fired ${formatIst(alert.firedAt)}.`,
    ...(alert.acknowledgedAt !== null
      ? [`Acknowledged ${formatIst(alert.acknowledgedAt)} by ${alert.acknowledgedBy ?? "unknown"}: ${alert.note ?? ""}`]
      : []),
    ...(alert.resolvedAt !== null ? [`Resolved ${formatIst(alert.resolvedAt)}.`] : []),
    `Runbook: ${alert.runbookUrl}`,
  ];
  return { title, lines };
}

/** The body each channel's API expects; PagerDuty's dedup key is the alert id, so its incident follows the alert. */
export function buildChannelPayload(channel: AlertChannel, alert: AlertView, notice: AlertNotice, pagerDutyRoutingKey = ""): unknown {
  const { title, lines } = buildAlertText(alert, notice);
  switch (channel) {
    case "webhook":
      return { notice, title, text: lines.join("\n"), alert };
    case "slack":
      return {
        text: `${title}\n${lines.join("\n")}`,
        blocks: [
          { type: "header", text: { type: "plain_text", text: title.slice(0, 150) } },
          { type: "section", text: { type: "mrkdwn", text: lines.join("\n") } },
        ],
      };
    case "pagerduty":
      return {
        routing_key: pagerDutyRoutingKey,
        event_action: notice === "resolved" ? "resolve" : notice === "acknowledged" ? "acknowledge" : "trigger",
        dedup_key: alert.id,
        payload: {
          summary: title.slice(0, 1024),
          source: `signalbox/${alert.region}`,
          severity: alert.severity === "critical" ? "critical" : "warning",
          timestamp: new Date(alert.firedAt).toISOString(),
          component: alert.metric,
          group: alert.region,
          custom_details: { lines, value: alert.value, warning: alert.warning, critical: alert.critical, impact: alert.impact },
        },
        links: [{ href: alert.runbookUrl, text: "Runbook" }],
      };
    case "sms":
      return `${title}. ${lines[0]} ${lines.at(-1)}`.slice(0, 1600);
    case "email":
      return { subject: title, text: lines.join("\n") };
  }
}
