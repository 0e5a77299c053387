import type { BudgetCheck } from "@/core/cost/advice";
import { formatPercentOf, formatRupees } from "./format-cost";
import styles from "./cost-summary.module.css";

/** The month's total against the budget, with a mark where all four optimisations would bring it. */
export function BudgetBar({ budget }: { budget: BudgetCheck }) {
  const scale = Math.max(budget.budgetInr, budget.totalInr, budget.optimisedInr);
  const at = (inr: number) => (scale > 0 ? `${(inr / scale) * 100}%` : "0%");
  const verdict = budget.withinBudget
    ? `${formatRupees(budget.headroomInr)} left of ${formatRupees(budget.budgetInr)}`
    : `${formatRupees(-budget.headroomInr)} over ${formatRupees(budget.budgetInr)}`;
  return (
    <div className={styles.budget} data-within={budget.withinBudget} data-testid="budget">
      <div className={styles.budgetHead}>
        <span className={styles.tileLabel}>Budget</span>
        <span className={styles.budgetVerdict} data-testid="budget-verdict">
          {budget.withinBudget ? "Within budget" : "Over budget"}
        </span>
      </div>
      <div
        className={styles.budgetTrack}
        role="meter"
        aria-label="Monthly total against the budget"
        aria-valuemin={0}
        aria-valuemax={budget.budgetInr}
        aria-valuenow={Math.min(budget.totalInr, budget.budgetInr)}
        aria-valuetext={`${formatRupees(budget.totalInr)} of ${formatRupees(budget.budgetInr)} (${formatPercentOf(budget.totalInr, budget.budgetInr)}); ${verdict}`}
      >
        <span className={styles.budgetFill} style={{ width: at(budget.totalInr) }} />
        <span
          className={styles.budgetOptimised}
          style={{ left: at(budget.optimisedInr) }}
          title={`Optimised: ${formatRupees(budget.optimisedInr)}`}
        />
        <span className={styles.budgetLine} style={{ left: at(budget.budgetInr) }} title={`Budget: ${formatRupees(budget.budgetInr)}`} />
      </div>
      <p className={`${styles.budgetNote} num`}>
        {verdict} · {formatPercentOf(budget.totalInr, budget.budgetInr)} used
        {budget.withinBudget === budget.optimisedWithinBudget ? "" : budget.optimisedWithinBudget ? " · optimised fits" : ""}
      </p>
    </div>
  );
}
