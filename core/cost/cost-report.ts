/**
 * A scenario's full report, the one shape POST /api/cost/evaluate answers and the cost page exports
 * as JSON, and its CSV form for spreadsheets.
 */
import { evaluateCostScenario, type CostEvaluation } from "./evaluate-cost-scenario";
import { evaluateFailoverCost, type FailoverCost } from "./failover-what-if";
import type { CostScenario } from "./cost-scenario";
import { neutraliseCsvFormula, quoteCsvField } from "./csv-field";
import { rupeesToPaise } from "./money";

export interface CostReport extends CostEvaluation {
  /** The scenario as evaluated, every default filled in. */
  scenario: CostScenario;
  /** The failover what-if of each region, in the scenario's order. */
  failovers: FailoverCost[];
}

/** Evaluates a parsed scenario and fails over each of its regions in turn. */
export function buildCostReport(scenario: CostScenario): CostReport {
  return {
    scenario,
    ...evaluateCostScenario(scenario),
    failovers: scenario.regions.map((entry) => evaluateFailoverCost(scenario, entry.region)),
  };
}

const COST_CSV_COLUMNS = ["section", "region", "item", "current_inr", "optimised_inr", "saving_inr", "detail"] as const;

type CsvRow = readonly [string, string, string, string, string, string, string];

type AmountField = "computeInr" | "storageInr" | "networkInr" | "kafkaInr" | "totalInr";

const COMPONENTS: ReadonlyArray<readonly [string, AmountField]> = [
  ["compute", "computeInr"],
  ["storage", "storageInr"],
  ["network", "networkInr"],
  ["kafka", "kafkaInr"],
  ["total", "totalInr"],
];

/** Rupees as a plain decimal with two places (47760.00, -4000.00), exact from paise, for spreadsheets. */
function formatAmount(rupees: number): string {
  const paise = rupeesToPaise(rupees);
  const magnitude = Math.abs(paise);
  return `${paise < 0 ? "-" : ""}${Math.floor(magnitude / 100)}.${String(magnitude % 100).padStart(2, "0")}`;
}

function formatSaving(currentInr: number, optimisedInr: number): string {
  return formatAmount((rupeesToPaise(currentInr) - rupeesToPaise(optimisedInr)) / 100);
}

function describeBudget(report: CostReport): string {
  const { budget } = report;
  const verdict = budget.withinBudget ? "within budget" : "over budget";
  const optimised = budget.optimisedWithinBudget ? "optimised within budget" : "optimised still over budget";
  return `budget ${formatAmount(budget.budgetInr)}; headroom ${formatAmount(budget.headroomInr)}; ${verdict}; ${optimised}`;
}

function describeFailover(failover: FailoverCost): string {
  if (failover.takerRegion === null) return failover.actions.join("; ");
  return (
    `+${failover.latencyMs} ms (${failover.withinLatencyBound ? "within" : "beyond"} the bound); ` +
    `${failover.takerRegion} at ${failover.takerPeakUtilizationPercent}% at the peak hour, ` +
    `${failover.takerPeakInstancesBefore} → ${failover.takerPeakInstancesAfter} instances`
  );
}

/** The report as CSV: the scenario's name, cost by region and component now and optimised, each strategy and action, recommendations, budget and failovers. */
export function formatCostReportCsv(report: CostReport): string {
  // The name is the only cell a person typed; every other cell is built here from numbers and fixed words.
  const rows: CsvRow[] = [["scenario", "", "name", "", "", "", neutraliseCsvFormula(report.name)]];
  for (const current of report.current.regions) {
    const optimised = report.combined.regions.find((region) => region.region === current.region);
    const hours = `${current.instanceHours} → ${optimised?.instanceHours ?? current.instanceHours} instance-hours`;
    const moved = optimised && optimised.runsIn !== current.region ? `optimised runs in ${optimised.runsIn}` : "";
    for (const [item, field] of COMPONENTS) {
      const now = current[field];
      const after = optimised?.[field] ?? now;
      const detail = item === "compute" ? hours : item === "total" ? moved : "";
      rows.push(["cost", current.region, item, formatAmount(now), formatAmount(after), formatSaving(now, after), detail]);
    }
  }
  const { combined } = report;
  rows.push([
    "cost",
    "",
    "total",
    formatAmount(combined.currentInr),
    formatAmount(combined.optimisedInr),
    formatAmount(combined.savingInr),
    "all four strategies together",
  ]);
  for (const optimisation of report.optimisations) {
    const { strategy, currentInr, optimisedInr, savingInr } = optimisation;
    rows.push(["optimisation", "", strategy, formatAmount(currentInr), formatAmount(optimisedInr), formatAmount(savingInr), ""]);
    for (const action of optimisation.actions) {
      rows.push(["action", action.region, strategy, "", "", formatAmount(action.savingInr), action.description]);
    }
  }
  for (const recommendation of report.recommendations) {
    rows.push(["recommendation", "", recommendation.strategy, "", "", formatAmount(recommendation.savingInr), recommendation.message]);
  }
  rows.push([
    "budget",
    "",
    "monthly_total",
    formatAmount(report.budget.totalInr),
    formatAmount(report.budget.optimisedInr),
    "",
    describeBudget(report),
  ]);
  for (const failover of report.failovers) {
    const { failedRegion, takerRegion, currentInr, failoverInr } = failover;
    rows.push([
      "failover",
      failedRegion,
      takerRegion ?? "none",
      formatAmount(currentInr),
      formatAmount(failoverInr),
      formatSaving(currentInr, failoverInr),
      describeFailover(failover),
    ]);
  }
  return [COST_CSV_COLUMNS, ...rows].map((row) => row.map(quoteCsvField).join(",")).join("\r\n") + "\r\n";
}
