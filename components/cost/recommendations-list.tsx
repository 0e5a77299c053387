import { RECOMMENDATION_THRESHOLDS_INR, type CostRecommendation } from "@/core/cost/advice";
import { formatRupees } from "./format-cost";
import { STRATEGY_LABELS } from "./strategy-labels";
import styles from "./cost-results.module.css";

const THRESHOLDS = Object.entries(RECOMMENDATION_THRESHOLDS_INR)
  .map(([strategy, inr]) => `${STRATEGY_LABELS[strategy as keyof typeof STRATEGY_LABELS].toLowerCase()} ${formatRupees(inr)}`)
  .join(", ");

/** What to change, for each saving above SPEC section 6's threshold. */
export function RecommendationsList({ recommendations }: { recommendations: readonly CostRecommendation[] }) {
  if (recommendations.length === 0) {
    return (
      <p className={styles.quiet} data-testid="recommendations-empty">
        No recommendation: no saving passes its threshold ({THRESHOLDS} a month).
      </p>
    );
  }
  return (
    <ol className={styles.recommendations} data-testid="recommendations">
      {recommendations.map((recommendation) => (
        <li key={recommendation.strategy} className={styles.recommendation}>
          <span className={styles.recommendationSaving}>{formatRupees(recommendation.savingInr)}/mo</span>
          <span>{recommendation.message}</span>
          <span className={styles.recommendationThreshold}>above the {formatRupees(recommendation.thresholdInr)} threshold</span>
        </li>
      ))}
    </ol>
  );
}
