"use client";

import { memo, useMemo } from "react";
import { Bar, BarChart, CartesianGrid, Cell, Tooltip, XAxis, YAxis } from "recharts";
import { getRegionConfig } from "@/core/routing/regions";
import { AXIS_TICK, CHART_COLORS, TOOLTIP_CONTENT_STYLE } from "@/components/board/chart-theme";
import { isStructurallyEqual } from "@/components/ui/equality";
import { buildCostChartRows, computeNiceTicks, COST_COMPONENTS, type CostChartRow, type CostSeries } from "./cost-chart-data";
import { formatRupees, formatRupeesCompact } from "./format-cost";
import styles from "./cost-chart.module.css";

interface CostChartProps {
  series: readonly CostSeries[];
  /** Names what the pairs are, for people who cannot see the chart. */
  label: string;
  testId: string;
}

interface TickProps {
  x?: number | string;
  y?: number | string;
  payload?: { value?: unknown };
}

function createTick(rows: readonly CostChartRow[]) {
  return function CostTick({ x = 0, y = 0, payload }: TickProps) {
    const row = rows.find((candidate) => candidate.key === payload?.value);
    if (!row) return null;
    return (
      <g transform={`translate(${x},${y})`}>
        <text dy={12} textAnchor="middle" fill={row.muted ? CHART_COLORS.axis : "#e9eff6"} fontSize={12}>
          {row.series}
        </text>
        <text dy={28} textAnchor="middle" fill={CHART_COLORS.axis} fontSize={12}>
          {row.regionName}
        </text>
      </g>
    );
  };
}

interface TooltipBodyProps {
  active?: boolean;
  payload?: ReadonlyArray<{ payload?: CostChartRow }>;
}

function CostTooltip({ active, payload }: TooltipBodyProps) {
  const row = payload?.[0]?.payload;
  if (!active || !row) return null;
  return (
    <div style={TOOLTIP_CONTENT_STYLE}>
      <p className={styles.tooltipTitle}>
        {row.regionName} · {row.series}
      </p>
      {row.runsIn ? <p className={styles.tooltipNote}>runs in {getRegionConfig(row.runsIn).name}</p> : null}
      <dl className={styles.tooltipRows}>
        {COST_COMPONENTS.map((component) => (
          <div key={component.key}>
            <dt>
              <span className={styles.swatch} style={{ background: component.color }} /> {component.label}
            </dt>
            <dd className="num">{formatRupees(row[component.key])}</dd>
          </div>
        ))}
        <div className={styles.tooltipTotal}>
          <dt>Total</dt>
          <dd className="num">{formatRupees(row.total)}</dd>
        </div>
      </dl>
    </div>
  );
}

/** Monthly cost by region, stacked by component, two bars per region (now and optimised, or scenario A and B). */
function CostChartView({ series, label, testId }: CostChartProps) {
  const rows = useMemo(() => buildCostChartRows(series), [series]);
  const tick = useMemo(() => createTick(rows), [rows]);
  const ticks = useMemo(() => computeNiceTicks(Math.max(0, ...rows.map((row) => row.total))), [rows]);
  const description = `${label}: ${rows.map((row) => `${row.regionName} ${row.series} ${formatRupees(row.total)}`).join(", ")}.`;
  return (
    <figure className={styles.chartFrame} data-testid={testId} aria-label={description}>
      <BarChart
        style={{ width: "100%", height: "100%" }}
        responsive
        data={rows}
        margin={{ top: 8, right: 8, bottom: 0, left: 0 }}
        barCategoryGap="18%"
      >
        <CartesianGrid stroke={CHART_COLORS.grid} vertical={false} />
        <XAxis dataKey="key" tick={tick} interval={0} height={44} stroke={CHART_COLORS.axisLine} tickLine={false} />
        <YAxis
          domain={[0, ticks.at(-1) ?? 1]}
          ticks={ticks}
          tickFormatter={(value: number) => formatRupeesCompact(value)}
          tick={AXIS_TICK}
          stroke={CHART_COLORS.axisLine}
          width={58}
        />
        <Tooltip content={<CostTooltip />} cursor={{ fill: "rgb(255 255 255 / 0.04)" }} isAnimationActive={false} />
        {COST_COMPONENTS.map((component, index) => (
          <Bar
            key={component.key}
            dataKey={component.key}
            name={component.label}
            stackId="cost"
            fill={component.color}
            isAnimationActive={false}
            radius={index === COST_COMPONENTS.length - 1 ? [2, 2, 0, 0] : 0}
          >
            {rows.map((row) => (
              <Cell key={row.key} fill={component.color} fillOpacity={row.muted ? 0.45 : 1} />
            ))}
          </Bar>
        ))}
      </BarChart>
      <ul className={styles.legend} aria-hidden="true">
        {COST_COMPONENTS.map((component) => (
          <li key={component.key} className={styles.legendItem}>
            <span className={styles.swatch} style={{ background: component.color }} />
            {component.label}
          </li>
        ))}
        <li className={styles.legendItem}>
          <span className={styles.swatch} style={{ background: "#5b9cff", opacity: 0.45 }} />
          {series[1]?.label ?? ""} (fainter)
        </li>
      </ul>
    </figure>
  );
}

export const CostChart = memo(CostChartView, (previous, next) => {
  return previous.label === next.label && previous.testId === next.testId && isStructurallyEqual(previous.series, next.series);
});
