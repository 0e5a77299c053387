import { useId } from "react";
import type { CostReport } from "@/core/cost/cost-report";
import { paiseToRupees, rupeesToPaise, sumPaise } from "@/core/cost/money";
import { REGION_IDS, getRegionConfig } from "@/core/routing/regions";
import { Field, Select } from "@/components/ui/field";
import { Panel } from "@/components/ui/panel";
import { EmptyState } from "@/components/ui/empty-state";
import { CostChart } from "./cost-chart";
import { COST_COMPONENTS } from "./cost-chart-data";
import { formatRupees, formatRupeesChange } from "./format-cost";
import { STRATEGY_LABELS } from "./strategy-labels";
import styles from "./compare-view.module.css";
import table from "./cost-table.module.css";

export interface CompareOption {
  /** A saved scenario's id, or "draft" for the one in the editor. */
  id: string;
  label: string;
  report: CostReport;
}

interface CompareViewProps {
  options: readonly CompareOption[];
  a: string | null;
  b: string | null;
  onPick: (side: "a" | "b", id: string) => void;
}

interface MoneyRow {
  key: string;
  label: string;
  read: (report: CostReport) => number;
  /** Whether more is good (a saving, budget left), bad (a cost) or neither (the budget itself), for the difference's colour. */
  more: "better" | "worse" | "neutral";
  /** Rows a person scans first are set in bold. */
  strong?: boolean;
}

const sumComponent = (report: CostReport, field: "computeInr" | "storageInr" | "networkInr" | "kafkaInr") =>
  paiseToRupees(sumPaise(report.current.regions.map((region) => rupeesToPaise(region[field]))));

const COMPONENT_FIELDS = { compute: "computeInr", storage: "storageInr", network: "networkInr", kafka: "kafkaInr" } as const;

function createRows(a: CostReport, b: CostReport): MoneyRow[] {
  const regions = REGION_IDS.filter((region) => [a, b].some((report) => report.current.regions.some((cost) => cost.region === region)));
  return [
    { key: "total", label: "Monthly cost now", read: (report) => report.current.totalInr, more: "worse", strong: true },
    { key: "optimised", label: "Optimised (all four)", read: (report) => report.combined.optimisedInr, more: "worse", strong: true },
    { key: "saving", label: "Saving a month", read: (report) => report.combined.savingInr, more: "better" },
    { key: "budget", label: "Budget", read: (report) => report.budget.budgetInr, more: "neutral" },
    { key: "headroom", label: "Left in the budget", read: (report) => report.budget.headroomInr, more: "better" },
    ...regions.map((region): MoneyRow => ({
      key: `region-${region}`,
      label: getRegionConfig(region).name,
      read: (report) => report.current.regions.find((cost) => cost.region === region)?.totalInr ?? 0,
      more: "worse",
    })),
    ...COST_COMPONENTS.map((component): MoneyRow => ({
      key: `component-${component.key}`,
      label: `${component.label}, all regions`,
      read: (report) => sumComponent(report, COMPONENT_FIELDS[component.key]),
      more: "worse",
    })),
  ];
}

/** B − A as good, bad or neither news. */
function describeChange(delta: number, more: MoneyRow["more"]): "better" | "worse" | undefined {
  if (delta === 0 || more === "neutral") return undefined;
  return delta > 0 === (more === "better") ? "better" : "worse";
}

function describeRecommendations(report: CostReport): string {
  return report.recommendations.length === 0 ? "none" : report.recommendations.map((r) => STRATEGY_LABELS[r.strategy]).join(", ");
}

/** Two scenarios side by side: every total, region and component, the difference, and the chart of both. */
export function CompareView({ options, a, b, onPick }: CompareViewProps) {
  const pickId = useId();
  const left = options.find((option) => option.id === a) ?? null;
  const right = options.find((option) => option.id === b) ?? null;

  const picker = (side: "a" | "b", value: string | null) => (
    <Field label={`Scenario ${side.toUpperCase()}`} htmlFor={`${pickId}-${side}`}>
      <Select
        id={`${pickId}-${side}`}
        value={value ?? ""}
        data-testid={`compare-pick-${side}`}
        onChange={(event) => onPick(side, event.target.value)}
      >
        <option value="" disabled>
          Choose a scenario
        </option>
        {options.map((option) => (
          <option key={option.id} value={option.id}>
            {option.label}
          </option>
        ))}
      </Select>
    </Field>
  );

  return (
    <div className={styles.compare} data-testid="compare-view">
      <div className={styles.comparePickers}>
        {picker("a", a)}
        {picker("b", b)}
      </div>
      {!left || !right ? (
        <div className={styles.compareEmpty}>
          <EmptyState
            title={options.length < 2 ? "Save a scenario to compare" : "Choose two scenarios"}
            detail={
              options.length < 2
                ? "Compare needs two: the one in the editor and a saved one, or two saved ones."
                : "Pick scenario A and scenario B above."
            }
          />
        </div>
      ) : (
        <div className={styles.compareBody}>
          <Panel title="Side by side" meta="a month, rupees">
            <table className={`${table.table} ${styles.compareTable}`} data-testid="compare-table">
              <thead>
                <tr>
                  <th scope="col">
                    <span className="visually-hidden">Figure</span>
                  </th>
                  <th scope="col" className={table.amount}>
                    <span className={styles.compareHead}>
                      <strong>A</strong>
                      <span>{left.report.name}</span>
                    </span>
                  </th>
                  <th scope="col" className={table.amount}>
                    <span className={styles.compareHead}>
                      <strong>B</strong>
                      <span>{right.report.name}</span>
                    </span>
                  </th>
                  <th scope="col" className={table.amount}>
                    B − A
                  </th>
                </tr>
              </thead>
              <tbody>
                {createRows(left.report, right.report).map((row) => {
                  const valueA = row.read(left.report);
                  const valueB = row.read(right.report);
                  const delta = paiseToRupees(rupeesToPaise(valueB) - rupeesToPaise(valueA));
                  return (
                    <tr key={row.key} data-row={row.key} data-strong={row.strong || undefined}>
                      <th scope="row">{row.label}</th>
                      <td className={`${table.amount} num`} data-testid={`compare-a-${row.key}`}>
                        {formatRupees(valueA)}
                      </td>
                      <td className={`${table.amount} num`} data-testid={`compare-b-${row.key}`}>
                        {formatRupees(valueB)}
                      </td>
                      <td
                        className={`${table.amount} num`}
                        data-testid={`compare-delta-${row.key}`}
                        data-tone={describeChange(delta, row.more)}
                      >
                        {formatRupeesChange(delta)}
                      </td>
                    </tr>
                  );
                })}
                <tr data-row="recommendations">
                  <th scope="row">Recommended</th>
                  <td className={`${table.amount} ${styles.wrap}`}>{describeRecommendations(left.report)}</td>
                  <td className={`${table.amount} ${styles.wrap}`}>{describeRecommendations(right.report)}</td>
                  <td />
                </tr>
                <tr data-row="within-budget">
                  <th scope="row">Within budget</th>
                  <td className={table.amount}>{left.report.budget.withinBudget ? "yes" : "no"}</td>
                  <td className={table.amount}>{right.report.budget.withinBudget ? "yes" : "no"}</td>
                  <td />
                </tr>
              </tbody>
            </table>
          </Panel>
          <Panel title="Cost by region and component" meta="A solid, B fainter">
            <CostChart
              series={[
                { label: "A", muted: false, regions: left.report.current.regions },
                { label: "B", muted: true, regions: right.report.current.regions },
              ]}
              label={`Monthly cost by region, A ${left.report.name} against B ${right.report.name}`}
              testId="compare-chart"
            />
          </Panel>
        </div>
      )}
    </div>
  );
}
