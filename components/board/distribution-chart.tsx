"use client";

import { memo } from "react";
import { Bar, BarChart, Cell, LabelList, XAxis, YAxis } from "recharts";
import { EmptyState } from "@/components/ui/empty-state";
import { isStructurallyEqual } from "@/components/ui/equality";
import { computeShare, formatCompact, formatShare, formatWindow } from "@/components/ui/format";
import { Panel } from "@/components/ui/panel";
import { Skeleton } from "@/components/ui/skeleton";
import styles from "./charts.module.css";
import { AXIS_TICK, CHART_COLORS } from "./chart-theme";

export interface DistributionRow {
  key: string;
  label: string;
  count: number;
  color: string;
}

interface DistributionChartProps {
  title: string;
  testId: string;
  /** What is being counted, for the aria-label: "events by quality". */
  subject: string;
  /** null while the first snapshot loads. */
  rows: readonly DistributionRow[] | null;
  windowMs: number | null;
}

interface LabelledRow extends DistributionRow {
  text: string;
}

function DistributionChartView({ title, testId, subject, rows, windowMs }: DistributionChartProps) {
  const total = rows?.reduce((sum, row) => sum + row.count, 0) ?? 0;
  const data: LabelledRow[] = (rows ?? []).map((row) => ({
    ...row,
    text: `${formatCompact(row.count)} · ${formatShare(computeShare(row.count, total))}`,
  }));
  const windowText = windowMs === null ? "" : ` · last ${formatWindow(windowMs)}`;
  const label =
    total > 0
      ? `${title}, ${subject}${windowText}: ${data.map((row) => `${row.label} ${row.text}`).join(", ")}.`
      : `${title}, ${subject}: no traffic yet.`;

  return (
    <Panel fill title={title} meta={`events${windowText}`}>
      <figure className={styles.distributionFrame} data-testid={testId} aria-label={label} aria-busy={rows ? undefined : true}>
        {rows === null ? (
          <Skeleton block />
        ) : (
          <>
            <BarChart
              className={styles.chart}
              style={{ width: "100%", height: "100%" }}
              responsive
              layout="vertical"
              data={data}
              margin={{ top: 0, right: 92, bottom: 0, left: 0 }}
              barCategoryGap="22%"
            >
              <XAxis type="number" hide domain={[0, "dataMax"]} />
              <YAxis
                type="category"
                dataKey="label"
                width={78}
                tick={AXIS_TICK}
                stroke={CHART_COLORS.axisLine}
                tickLine={false}
                interval={0}
              />
              <Bar dataKey="count" isAnimationActive={false} minPointSize={2} radius={[0, 2, 2, 0]}>
                {data.map((row) => (
                  <Cell key={row.key} fill={row.color} />
                ))}
                <LabelList dataKey="text" position="right" fill="#e9eff6" fontSize={12} />
              </Bar>
            </BarChart>
            {total === 0 ? <EmptyState title="No traffic yet" /> : null}
          </>
        )}
      </figure>
    </Panel>
  );
}

export const DistributionChart = memo(DistributionChartView, (previous, next) => {
  return previous.title === next.title && previous.windowMs === next.windowMs && isStructurallyEqual(previous.rows, next.rows);
});
