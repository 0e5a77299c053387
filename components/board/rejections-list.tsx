import { memo } from "react";
import type { Snapshot } from "@/core/metrics/snapshot";
import { EmptyState } from "@/components/ui/empty-state";
import { isStructurallyEqual } from "@/components/ui/equality";
import { formatCompact, formatInteger } from "@/components/ui/format";
import { Panel } from "@/components/ui/panel";
import { Skeleton } from "@/components/ui/skeleton";
import styles from "./lists.module.css";

interface RejectionsListProps {
  rejections: Snapshot["rejections"] | null;
  rejectedTotal: number | null;
}

/** Why events were refused since the server started, most frequent first. */
function RejectionsListView({ rejections, rejectedTotal }: RejectionsListProps) {
  return (
    <Panel fill title="Rejections" meta={rejectedTotal === null ? "since start" : `${formatInteger(rejectedTotal)} since start`}>
      <div className={styles.rejections} data-testid="rejections" aria-busy={rejections ? undefined : true}>
        {rejections === null ? (
          <Skeleton block />
        ) : rejections.length === 0 ? (
          <EmptyState title="No rejected events" detail="Every event received so far passed validation." />
        ) : (
          <ol className={styles.rejectionList} aria-label="Rejection reasons, most frequent first">
            {rejections.map((rejection) => (
              <li key={rejection.reason} className={styles.rejection}>
                <span className={styles.reason}>{rejection.reason}</span>
                <span className={`${styles.count} num`} title={formatInteger(rejection.count)}>
                  {formatCompact(rejection.count)}
                </span>
              </li>
            ))}
          </ol>
        )}
      </div>
    </Panel>
  );
}

export const RejectionsList = memo(RejectionsListView, (previous, next) => {
  return previous.rejectedTotal === next.rejectedTotal && isStructurallyEqual(previous.rejections, next.rejections);
});
