import type { AlertChannelStatus, AlertNotified } from "@/core/alerts/alert-channels";
import { formatMetricWith } from "@/core/alerts/alert-message";
import { formatZonedClockTime, type ZoneView } from "@/components/ui/time-format";
import type { AlertView } from "@/core/alerts/alert-rules";
import type { MetricName } from "@/core/metrics/thresholds";
import { formatCompact } from "@/components/ui/format";

/** A metric's value in its unit: 2.50%, 240 ms, 1.2L events. */
export function formatMetricValue(metric: MetricName, value: number): string {
  return Number.isFinite(value) ? formatMetricWith(metric, value, formatCompact) : "—";
}

type Lines = Pick<AlertView, "metric" | "warning" | "critical" | "direction">;

/** "warning above 2.00%, critical above 5.00%": the rule's lines in its unit. */
export function describeAlertLines(alert: Lines): string {
  const format = (v: number) => formatMetricValue(alert.metric, v);
  return `warning ${alert.direction} ${format(alert.warning)}, critical ${alert.direction} ${format(alert.critical)}`;
}

/** "2.50% (warning above 2.00%, critical above 5.00%)": the value now (while measured, else at its last change) against the rule's lines. */
export function describeAlertThresholds(alert: Lines & Pick<AlertView, "value"> & { live?: AlertView["live"] }): string {
  return `${formatMetricValue(alert.metric, alert.live?.value ?? alert.value)} (${describeAlertLines(alert)})`;
}

/** "warning > 2.00%, critical > 5.00%": the rule's lines where room is short (the board's strip). */
export function describeAlertLinesShort(alert: Lines): string {
  const format = (v: number) => formatMetricValue(alert.metric, v);
  const sign = alert.direction === "above" ? ">" : "<";
  return `warning ${sign} ${format(alert.warning)}, critical ${sign} ${format(alert.critical)}`;
}

/** "a, b and c". */
function listWords(words: readonly string[]): string {
  return words.length <= 1 ? (words[0] ?? "") : `${words.slice(0, -1).join(", ")} and ${words.at(-1)}`;
}

/** Why an alert's notices reached nobody: "pagerduty, slack and sms are not configured; webhook failed". */
export function describeNobodyNotified(notified: AlertNotified): string {
  const reasons = [
    notified.skipped.length > 0 ? `${listWords(notified.skipped)} ${notified.skipped.length === 1 ? "is" : "are"} not configured` : null,
    notified.failed.length > 0 ? `${listWords(notified.failed)} failed` : null,
    notified.silenced ? "a silence held its notices back" : null,
  ];
  return reasons.filter(Boolean).join("; ");
}

/** What the value now says against the alert's severity: "19.84% at 21:04:05 IST: above the critical line (5.00%)". */
export function describeLiveValue(
  alert: Pick<AlertView, "metric" | "warning" | "critical" | "direction" | "severity" | "windowSeconds" | "live">,
  zone: ZoneView,
): string {
  const live = alert.live;
  if (!live) return "Not measured here yet.";
  if (live.value === null || live.measuredAt === null) return `Nothing measured in the last ${alert.windowSeconds} s (no traffic).`;
  const format = (v: number) => formatMetricValue(alert.metric, v);
  const where =
    live.level === "critical"
      ? `beyond the critical line (${format(alert.critical)})`
      : live.level === "warning"
        ? `beyond the warning line (${format(alert.warning)})`
        : `back inside the warning line (${format(alert.warning)})`;
  const pending =
    live.level === "critical" && alert.severity === "warning"
      ? `; the alert turns critical once 80% of its ${alert.windowSeconds} s window is`
      : "";
  return `${format(live.value)} at ${formatZonedClockTime(live.measuredAt, zone)}: ${where}${pending}.`;
}

/** A channel in a sentence: "slack: not configured (set SLACK_WEBHOOK_URL) · named by 2 rules · last skipped 21:04:05 IST". */
export function describeChannelStatus(status: AlertChannelStatus, zone: ZoneView): string {
  const state = status.configured ? "configured" : `not configured (set ${status.settings})`;
  const rules = `named by ${status.rules} enabled rule${status.rules === 1 ? "" : "s"}`;
  const last = status.last ? `last ${status.last.outcome} ${formatZonedClockTime(status.last.at, zone)}` : "nothing sent yet";
  return `${status.channel}: ${state} · ${rules} · ${last}`;
}
