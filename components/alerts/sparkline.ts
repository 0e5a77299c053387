/** Geometry of an alert's inline sparkline: its values and the rule's lines scaled into a small box. */
export interface SparklineGeometry {
  /** An SVG path; a slice with no value breaks the line. */
  path: string;
  /** The warning line's height, and the critical line's where it falls inside the values' range; null otherwise. */
  warningY: number;
  criticalY: number | null;
  /** The newest point, for its dot; null when the newest slice has no value. */
  last: { x: number; y: number } | null;
}

/** Keeps strokes and the dot inside the box. */
const INSET = 2;

function round(value: number): number {
  return Math.round(value * 10) / 10;
}

/**
 * Scales the values (oldest first) across `width` and, with the warning line, across `height`;
 * the critical line is drawn only when the values reach it, so a quiet line is not squashed flat.
 */
export function buildSparklineGeometry(
  values: ReadonlyArray<number | null>,
  lines: { warning: number; critical: number },
  width: number,
  height: number,
): SparklineGeometry {
  const measured = values.filter((v): v is number => v !== null);
  // A flat line sits mid-box: its range is widened by half its value (or by one at zero).
  const flat = Math.min(lines.warning, ...measured) === Math.max(lines.warning, ...measured);
  const pad = flat ? Math.abs(lines.warning) / 2 || 1 : 0;
  const low = Math.min(lines.warning, ...measured) - pad;
  const high = Math.max(lines.warning, ...measured) + pad;
  const span = high - low;
  const y = (value: number) => round(INSET + ((high - value) / span) * (height - 2 * INSET));
  const x = (index: number) => round(values.length > 1 ? (index / (values.length - 1)) * width : width / 2);
  let path = "";
  let drawing = false;
  values.forEach((value, index) => {
    if (value === null) {
      drawing = false;
      return;
    }
    path += `${path === "" ? "" : " "}${drawing ? "L" : "M"}${x(index)} ${y(value)}`;
    drawing = true;
  });
  const newest = values.at(-1);
  return {
    path,
    warningY: y(lines.warning),
    criticalY: lines.critical >= low && lines.critical <= high ? y(lines.critical) : null,
    last: newest === null || newest === undefined ? null : { x: x(values.length - 1), y: y(newest) },
  };
}
