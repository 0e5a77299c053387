import { formatIst } from "@/core/alerts/alert-message";
import type { AlertView } from "@/core/alerts/alert-rules";
import type { MetricName } from "@/core/metrics/thresholds";
import { formatCompact } from "@/components/ui/format";

const UNITS: Record<MetricName, (value: number) => string> = {
  processing_latency_ms: (v) => `${formatCompact(Math.round(v))} ms`,
  events_per_second: (v) => `${formatCompact(v)} events/s`,
  error_rate_percent: (v) => `${v.toFixed(2)}%`,
  memory_utilization_percent: (v) => `${v.toFixed(1)}%`,
  consumer_lag_messages: (v) => `${formatCompact(v)} events`,
  network_utilization_percent: (v) => `${v.toFixed(1)}%`,
  disk_io_utilization_percent: (v) => `${v.toFixed(1)}%`,
  inter_region_latency_ms: (v) => `${formatCompact(Math.round(v))} ms`,
};

/** A metric's value in its unit: 2.50%, 240 ms, 120k events. */
export function formatMetricValue(metric: MetricName, value: number): string {
  return Number.isFinite(value) ? UNITS[metric](value) : "—";
}

/** "2.50% (warning above 2.00%, critical above 5.00%)": the value against the rule's lines, in its unit. */
export function describeAlertThresholds(alert: Pick<AlertView, "metric" | "value" | "warning" | "critical" | "direction">): string {
  const format = (v: number) => formatMetricValue(alert.metric, v);
  return `${format(alert.value)} (warning ${alert.direction} ${format(alert.warning)}, critical ${alert.direction} ${format(alert.critical)})`;
}

/** Wall-clock time in India, as on-call rotations there read it: "21:04:05 IST". */
export function formatIstTime(at: number): string {
  return formatIst(at).slice(11);
}
