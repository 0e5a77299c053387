import { formatMetricWith } from "@/core/alerts/alert-message";
import type { AlertView } from "@/core/alerts/alert-rules";
import type { MetricName } from "@/core/metrics/thresholds";
import { formatCompact } from "@/components/ui/format";

/** A metric's value in its unit: 2.50%, 240 ms, 1.2L events. */
export function formatMetricValue(metric: MetricName, value: number): string {
  return Number.isFinite(value) ? formatMetricWith(metric, value, formatCompact) : "—";
}

/** "2.50% (warning above 2.00%, critical above 5.00%)": the value against the rule's lines, in its unit. */
export function describeAlertThresholds(alert: Pick<AlertView, "metric" | "value" | "warning" | "critical" | "direction">): string {
  const format = (v: number) => formatMetricValue(alert.metric, v);
  return `${format(alert.value)} (warning ${alert.direction} ${format(alert.warning)}, critical ${alert.direction} ${format(alert.critical)})`;
}
