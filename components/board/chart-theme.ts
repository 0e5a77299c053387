import type { CSSProperties } from "react";

/** Recharts takes colours as props, so the board's palette is repeated here in one place. */
export const CHART_COLORS = {
  grid: "#1d2631",
  axis: "#a3b1c2",
  axisLine: "#334050",
  warning: "#ffb224",
  critical: "#ff5257",
  p50: "#5b9cff",
  p95: "#e9eff6",
  p99: "#b08cff",
} as const;

export const AXIS_TICK = { fill: CHART_COLORS.axis, fontSize: 12 } as const;

export const TOOLTIP_CONTENT_STYLE: CSSProperties = {
  background: "#0b0f15",
  border: "1px solid #334050",
  borderRadius: 6,
  fontSize: 12,
  padding: "6px 10px",
};

export const TOOLTIP_LABEL_STYLE: CSSProperties = { color: "#e9eff6", fontWeight: 700, marginBottom: 4 };
