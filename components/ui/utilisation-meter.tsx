import { METRIC_THRESHOLDS, evaluateThreshold } from "@/core/metrics/thresholds";
import styles from "./ui.module.css";

const { warning, critical } = METRIC_THRESHOLDS.utilization_percent;

/** Viewers against capacity, with the warning (80%) and spillover (85%) marks drawn on the bar. */
export function UtilisationMeter({ percent }: { percent: number | null }) {
  const width = percent === null ? 0 : Math.min(Math.max(percent, 0), 100);
  return (
    <div
      aria-hidden="true"
      className={styles.meter}
      data-level={percent === null ? "ok" : evaluateThreshold("utilization_percent", percent)}
    >
      <span className={styles.meterFill} style={{ width: `${width}%` }} />
      <span className={styles.meterMark} data-mark="warning" style={{ left: `${warning}%` }} />
      <span className={styles.meterMark} data-mark="critical" style={{ left: `${critical}%` }} />
    </div>
  );
}
