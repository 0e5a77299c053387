import { formatInteger } from "@/components/ui/format";
import { CHART_COLORS } from "./chart-theme";
import { formatZonedClockTime } from "@/components/ui/time-format";
import { useTimeZone } from "@/components/ui/use-time-zone";

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
  const zone = useTimeZone();
  if (cx === undefined || cy === undefined) return null;
  return (
    <g data-testid={testId} data-value={value}>
      <title>{`${formatInteger(value)} ${unit} at ${formatZonedClockTime(t, zone)}: above the fitted axis`}</title>
      <path d={`M${cx - 5},${cy + 7} L${cx + 5},${cy + 7} L${cx},${cy - 1} Z`} fill={CHART_COLORS.warning} stroke="#0b0f15" />
    </g>
  );
}
