import type { AlertChannel, AlertView } from "./alert-rules";
import type { MetricName } from "../metrics/thresholds";
import { getRegionConfig } from "../routing/regions";

/** What is being announced: a new (or reopened) alert, an escalation, an acknowledgement, a resolution. */
export type AlertNotice = "fired" | "escalated" | "acknowledged" | "resolved";

/** Each metric's unit: percentages with fixed decimals; counts and milliseconds (whole where marked) as the caller formats numbers. */
const METRIC_UNITS: Record<MetricName, { suffix: string; decimals?: number; whole?: boolean }> = {
  processing_latency_ms: { suffix: " ms", whole: true },
  events_per_second: { suffix: " events/s" },
  error_rate_percent: { suffix: "%", decimals: 2 },
  spilled_in_error_rate_percent: { suffix: "%", decimals: 2 },
  memory_utilization_percent: { suffix: "%", decimals: 1 },
  consumer_lag_messages: { suffix: " events", whole: true },
  network_utilization_percent: { suffix: "%", decimals: 1 },
  disk_io_utilization_percent: { suffix: "%", decimals: 1 },
  inter_region_latency_ms: { suffix: " ms", whole: true },
};

/** A metric value in its unit, its counts written by `formatCount` (whole numbers in messages, compact on the board). */
export function formatMetricWith(metric: MetricName, value: number, formatCount: (value: number) => string): string {
  const { suffix, decimals, whole } = METRIC_UNITS[metric];
  if (decimals !== undefined) return `${value.toFixed(decimals)}${suffix}`;
  return `${formatCount(whole ? Math.round(value) : value)}${suffix}`;
}

/** A metric value in its unit, for messages: "2.50%", "240 ms". */
export function formatAlertValue(metric: MetricName, value: number): string {
  return Number.isFinite(value) ? formatMetricWith(metric, value, (v) => String(Math.round(v))) : "not measured";
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
  // An open alert says what its metric is now (and its worst so far); otherwise the value of its last change.
  const now = alert.live?.value ?? alert.value;
  const peak = alert.peak !== null && alert.peak.value !== now ? `, peak ${value(alert.peak.value)}` : "";
  const lines = [
    `Value ${value(now)}${peak}; warning ${alert.direction} ${value(alert.warning)}, critical ${alert.direction} ${value(alert.critical)} (over ${alert.windowSeconds} s).`,
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
