import { memo } from "react";
import type { Snapshot } from "@/core/metrics/snapshot";
import { formatCompact, formatInteger, formatRate } from "@/components/ui/format";
import { Skeleton } from "@/components/ui/skeleton";
import styles from "./board.module.css";

type Totals = Snapshot["totals"];

interface TotalItem {
  key: keyof Totals;
  label: string;
  testId: string;
  format: (value: number) => string;
}

const ITEMS: readonly TotalItem[] = [
  { key: "viewers", label: "Viewers", testId: "total-viewers", format: formatCompact },
  { key: "eventsPerSecond", label: "Events/s", testId: "total-eps", format: formatRate },
  { key: "accepted", label: "Accepted", testId: "total-accepted", format: formatCompact },
  { key: "rejected", label: "Rejected", testId: "total-rejected", format: formatCompact },
  { key: "processed", label: "Processed", testId: "total-processed", format: formatCompact },
];

interface TotalsStripProps {
  totals: Totals | null;
  system: Snapshot["system"] | null;
  conservation: Snapshot["conservation"] | null;
  /** Dead letters no replay has resolved yet (GET /api/dlq/summary's `open`, as the DLQ tile and /dlq show); null until read. */
  dlqOpen: number | null;
  /** false on the wall: the score is read there, not opened. */
  interactive: boolean;
}

/**
 * Describes the books for a person: balanced, or by how much they are off and where events wait. Their
 * dead-lettered term counts every event ever dead-lettered, replayed ones included: not the open ones.
 */
function describeBooks(books: Snapshot["conservation"]): string {
  const where = `${formatInteger(books.processed)} processed, ${formatInteger(books.queued)} queued, ${formatInteger(books.inRetry)} in retry, ${formatInteger(books.deadLettered)} dead-lettered since start, ${formatInteger(books.duplicates)} duplicates, ${formatInteger(books.rejected)} rejected`;
  return `${books.balanced ? "Books balanced" : "Books do not balance"}: ${formatInteger(books.ingested)} ingested = ${where}`;
}

/** The score opens (click, Enter or Space) to the deductions that make it up: SPEC section 5's rule, shown. */
function HealthScore({ system, interactive }: { system: Snapshot["system"]; interactive: boolean }) {
  const deductions = system.healthDeductions;
  if (!interactive) {
    return (
      <span data-testid="health-score" title={`System health ${system.healthScore} of 100, ${system.healthBand}`}>
        {system.healthScore}
      </span>
    );
  }
  return (
    <details className={styles.health}>
      <summary
        data-testid="health-score"
        aria-label={`System health ${system.healthScore} of 100, ${system.healthBand}; show what it loses points for`}
      >
        {system.healthScore}
      </summary>
      <div className={styles.deductions} data-testid="health-deductions">
        <p className={styles.deductionsTitle}>
          Health {system.healthScore}/100 · {system.healthBand}
        </p>
        {deductions.length === 0 ? (
          <p className={styles.deductionsNone}>Nothing deducts: no active alert, no unhealthy region.</p>
        ) : (
          <ul>
            {deductions.map((deduction, index) => (
              <li key={index}>
                <span className={styles.deductionPoints}>−{deduction.points}</span> {deduction.reason}
              </li>
            ))}
          </ul>
        )}
        <p className={styles.deductionsRule}>−20 per HIGH-impact alert, −5 per other alert, −15 per unhealthy region.</p>
      </div>
    </details>
  );
}

/** Platform-wide totals, the system health score and the open dead letters; exact figures and the books in the tooltips. */
export const TotalsStrip = memo(function TotalsStrip({ totals, system, conservation, dlqOpen, interactive }: TotalsStripProps) {
  return (
    <dl className={styles.totals} aria-label="Platform totals">
      <div className={styles.total} data-band={system?.healthBand}>
        <dt className={styles.totalLabel}>Health</dt>
        <dd className={`${styles.totalValue} num`} aria-busy={system ? undefined : true}>
          {system ? <HealthScore system={system} interactive={interactive} /> : <Skeleton width="2.4em" />}
        </dd>
      </div>
      <div className={styles.total} data-alert={(dlqOpen !== null && dlqOpen > 0) || undefined}>
        <dt className={styles.totalLabel}>DLQ open</dt>
        <dd
          className={`${styles.totalValue} num`}
          data-testid="total-dlq-open"
          title={
            dlqOpen === null
              ? undefined
              : `${formatInteger(dlqOpen)} dead letters no replay has resolved yet, as the DLQ tile and /dlq count them`
          }
          aria-busy={dlqOpen === null ? true : undefined}
        >
          {dlqOpen === null ? <Skeleton width="2.4em" /> : formatInteger(dlqOpen)}
        </dd>
      </div>
      {ITEMS.map((item) => {
        // Processed carries the books: where every ingested event is, and whether they balance.
        const books = item.key === "processed" ? conservation : null;
        return (
          <div
            key={item.key}
            className={styles.total}
            data-alert={
              (item.key === "rejected" && totals !== null && totals.rejected > 0) || (books !== null && !books.balanced) || undefined
            }
          >
            <dt className={styles.totalLabel}>{item.label}</dt>
            <dd
              className={`${styles.totalValue} num`}
              data-testid={item.testId}
              data-balanced={books?.balanced}
              title={books ? describeBooks(books) : totals ? formatInteger(totals[item.key]) : undefined}
              aria-busy={totals ? undefined : true}
            >
              {totals ? item.format(totals[item.key]) : <Skeleton width="3.6em" />}
            </dd>
          </div>
        );
      })}
    </dl>
  );
});
