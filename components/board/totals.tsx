import { memo } from "react";
import type { Snapshot } from "@/core/snapshot";
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

/** Platform-wide totals; counts are since the server started, with the exact figure in the tooltip. */
export const TotalsStrip = memo(function TotalsStrip({ totals }: { totals: Totals | null }) {
  return (
    <dl className={styles.totals} aria-label="Platform totals">
      {ITEMS.map((item) => (
        <div
          key={item.key}
          className={styles.total}
          data-alert={(item.key === "rejected" && totals !== null && totals.rejected > 0) || undefined}
        >
          <dt className={styles.totalLabel}>{item.label}</dt>
          <dd
            className={`${styles.totalValue} num`}
            data-testid={item.testId}
            title={totals ? formatInteger(totals[item.key]) : undefined}
            aria-busy={totals ? undefined : true}
          >
            {totals ? item.format(totals[item.key]) : <Skeleton width="3.6em" />}
          </dd>
        </div>
      ))}
    </dl>
  );
});
