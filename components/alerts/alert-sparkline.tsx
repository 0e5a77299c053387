import type { ThresholdLevel } from "@/core/metrics/thresholds";
import { buildSparklineGeometry } from "./sparkline";
import styles from "./alerts.module.css";

const WIDTH = 120;
const HEIGHT = 24;

interface AlertSparklineProps {
  values: ReadonlyArray<number | null>;
  warning: number;
  critical: number;
  /** The newest value's grade, which colours the line. */
  level: ThresholdLevel | null;
  /** What it shows, for screen readers. */
  label: string;
  testId?: string;
}

/** The metric over the rule's window, with the warning (and, once reached, the critical) line dashed behind it. */
export function AlertSparkline({ values, warning, critical, level, label, testId }: AlertSparklineProps) {
  const geometry = buildSparklineGeometry(values, { warning, critical }, WIDTH, HEIGHT);
  return (
    <svg
      className={styles.sparkline}
      width={WIDTH}
      height={HEIGHT}
      viewBox={`0 0 ${WIDTH} ${HEIGHT}`}
      role="img"
      aria-label={label}
      data-level={level ?? "none"}
      data-testid={testId}
    >
      <line className={styles.sparkWarning} x1={0} x2={WIDTH} y1={geometry.warningY} y2={geometry.warningY} />
      {geometry.criticalY !== null ? (
        <line className={styles.sparkCritical} x1={0} x2={WIDTH} y1={geometry.criticalY} y2={geometry.criticalY} />
      ) : null}
      <path className={styles.sparkLine} d={geometry.path} />
      {geometry.last ? <circle className={styles.sparkDot} cx={geometry.last.x} cy={geometry.last.y} r={2} /> : null}
    </svg>
  );
}
