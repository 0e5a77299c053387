import type { CostReport } from "@/core/cost/cost-report";
import { BudgetBar } from "./budget-bar";
import { formatPercentOf, formatRupees } from "./format-cost";
import styles from "./cost-summary.module.css";

function describeGrowth(report: CostReport): string {
  const { growth } = report;
  const band = `cost band of phase ${growth.costPhase.phase} (${growth.costPhase.label})`;
  if (growth.phase === null) return `In the ${band}`;
  const where = growth.costVersusPhase === "within" ? "within" : growth.costVersusPhase === "below" ? "below" : "above";
  return `Phase ${growth.phase.phase} (${growth.phase.label}): ${where} its band`;
}

/** The month now, with all four optimisations, the saving, the budget and the growth phase. */
export function CostSummary({ report }: { report: CostReport }) {
  const { combined } = report;
  return (
    <div className={styles.summary}>
      <div className={styles.tile}>
        <span className={styles.tileLabel}>Monthly cost now</span>
        <span className={`${styles.tileValue} num`} data-testid="total-now">
          {formatRupees(report.current.totalInr)}
        </span>
        <span className={styles.tileNote}>{describeGrowth(report)}</span>
      </div>
      <div className={styles.tile}>
        <span className={styles.tileLabel}>Optimised</span>
        <span className={`${styles.tileValue} num`} data-testid="total-optimised">
          {formatRupees(combined.optimisedInr)}
        </span>
        <span className={styles.tileNote}>all four strategies together</span>
      </div>
      <div className={styles.tile} data-tone={combined.savingInr > 0 ? "ok" : undefined}>
        <span className={styles.tileLabel}>Saving a month</span>
        <span className={`${styles.tileValue} num`} data-testid="total-saving">
          {formatRupees(combined.savingInr)}
        </span>
        <span className={styles.tileNote}>{formatPercentOf(combined.savingInr, combined.currentInr)} of today&apos;s cost</span>
      </div>
      <BudgetBar budget={report.budget} />
    </div>
  );
}
