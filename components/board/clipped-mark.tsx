import { formatInteger } from "@/components/ui/format";
import { CHART_COLORS } from "./chart-theme";
import { formatTooltipTime } from "./time-axis";

interface ClippedMarkProps {
  /** Where Recharts places the mark: the point's time on the axis's top edge. */
  cx?: number;
  cy?: number;
  value: number;
  t: number;
  unit: string;
  testId: string;
}

/** A ▲ on a fitted axis's top edge where a point was clipped; its true value on hover. */
export function ClippedMark({ cx, cy, value, t, unit, testId }: ClippedMarkProps) {
  if (cx === undefined || cy === undefined) return null;
  return (
    <g data-testid={testId} data-value={value}>
      <title>{`${formatInteger(value)} ${unit} at ${formatTooltipTime(t)}: above the fitted axis`}</title>
      <path d={`M${cx - 5},${cy + 7} L${cx + 5},${cy + 7} L${cx},${cy - 1} Z`} fill={CHART_COLORS.warning} stroke="#0b0f15" />
    </g>
  );
}
