import type { CostRecommendation } from "@/core/cost/advice";
import type { CostOptimisation } from "@/core/cost/optimisations";
import { formatRupees } from "./format-cost";
import { STRATEGY_LABELS } from "./strategy-labels";
import results from "./cost-results.module.css";
import styles from "./cost-table.module.css";

interface OptimisationsTableProps {
  optimisations: readonly CostOptimisation[];
  recommendations: readonly CostRecommendation[];
}

/** Each strategy on its own: the month now, with it, the saving and what to do, region by region. */
export function OptimisationsTable({ optimisations, recommendations }: OptimisationsTableProps) {
  const recommended = new Set(recommendations.map((recommendation) => recommendation.strategy));
  return (
    <table className={styles.table} data-testid="optimisations">
      <thead>
        <tr>
          <th scope="col">Strategy</th>
          <th scope="col" className={styles.amount}>
            Now
          </th>
          <th scope="col" className={styles.amount}>
            With it
          </th>
          <th scope="col" className={styles.amount}>
            Saving/mo
          </th>
          <th scope="col">What to do</th>
        </tr>
      </thead>
      <tbody>
        {optimisations.map((optimisation) => (
          <tr key={optimisation.strategy} data-strategy={optimisation.strategy}>
            <th scope="row">
              {STRATEGY_LABELS[optimisation.strategy]}
              {recommended.has(optimisation.strategy) ? <span className={styles.badge}>Recommended</span> : null}
            </th>
            <td className={`${styles.amount} num`}>{formatRupees(optimisation.currentInr)}</td>
            <td className={`${styles.amount} num`}>{formatRupees(optimisation.optimisedInr)}</td>
            <td className={`${styles.amount} ${styles.saving} num`} data-zero={optimisation.savingInr === 0 || undefined}>
              {formatRupees(optimisation.savingInr)}
            </td>
            <td className={styles.actions}>
              {optimisation.actions.length === 0 ? (
                <span className={results.quiet}>Nothing to change</span>
              ) : (
                <ul>
                  {optimisation.actions.map((action) => (
                    <li key={`${action.region}:${action.targetRegion ?? ""}`}>
                      {action.description} <span className={`${styles.actionSaving} num`}>({formatRupees(action.savingInr)})</span>
                    </li>
                  ))}
                </ul>
              )}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
