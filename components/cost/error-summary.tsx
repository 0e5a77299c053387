import type { ScenarioFieldError } from "@/core/cost/cost-scenario";
import { describeFieldPath } from "./field-labels";
import { fieldIdOf } from "./field-ids";
import type { ScenarioDraft } from "./scenario-draft";
import styles from "./error-summary.module.css";

/** Leads to a field: itself, or for an error about a whole region, that region's select. */
function focusField(path: string): void {
  const region = /^regions\.(\d+)/.exec(path);
  const target =
    document.getElementById(fieldIdOf(path)) ?? (region ? document.getElementById(fieldIdOf(`regions.${region[1]}.region`)) : null);
  target?.focus();
}

/** Every field the schema refuses, each a button to its field; drawn over the stale results, so nothing below moves. */
export function ErrorSummary({ errors, draft }: { errors: readonly ScenarioFieldError[]; draft: ScenarioDraft }) {
  return (
    <div className={styles.errorSummary} aria-live="polite" data-testid="form-errors" data-count={errors.length}>
      {errors.length > 0 ? (
        <>
          <p className={styles.errorSummaryTitle}>
            {errors.length === 1 ? "1 field needs fixing" : `${errors.length} fields need fixing`} — the results below are from the last
            valid scenario
          </p>
          <ul className={styles.errorSummaryList}>
            {errors.map((error) => (
              <li key={`${error.path}:${error.message}`}>
                <button type="button" className={styles.linkButton} onClick={() => focusField(error.path)}>
                  {describeFieldPath(error.path, (index) => draft.regions[index]?.region)}
                </button>
                : {error.message}
              </li>
            ))}
          </ul>
        </>
      ) : null}
    </div>
  );
}
