import { memo, useMemo, useState } from "react";
import type { SavedCostScenario } from "@/core/cost/cost-api";
import { evaluateCostScenario } from "@/core/cost/evaluate-cost-scenario";
import { useOperatorOnly } from "@/components/auth/use-session";
import { getRegionConfig } from "@/core/routing/regions";
import { EmptyState } from "@/components/ui/empty-state";
import { Panel } from "@/components/ui/panel";
import { Skeleton } from "@/components/ui/skeleton";
import { Button } from "@/components/ui/button";
import { formatDayMinute } from "@/components/ui/time-format";
import { useTimeZone } from "@/components/ui/use-time-zone";
import { formatRupees } from "./format-cost";
import styles from "./saved-scenarios.module.css";

interface SavedScenariosProps {
  scenarios: readonly SavedCostScenario[] | null;
  /** Why the list could not be read; null when it could. */
  problem: string | null;
  openId: string | null;
  /** Ids with a request on its way (duplicate, delete), whose buttons wait for it. */
  busyIds: ReadonlySet<string>;
  onOpen: (record: SavedCostScenario) => void;
  onDuplicate: (record: SavedCostScenario) => void;
  onCompare: (record: SavedCostScenario) => void;
  onDelete: (record: SavedCostScenario) => void;
  onRetry: () => void;
}

function SavedScenarioItem({
  record,
  open,
  busy,
  onOpen,
  onDuplicate,
  onCompare,
  onDelete,
}: { record: SavedCostScenario; open: boolean; busy: boolean } & Pick<
  SavedScenariosProps,
  "onOpen" | "onDuplicate" | "onCompare" | "onDelete"
>) {
  const [confirming, setConfirming] = useState(false);
  const operatorOnly = useOperatorOnly();
  const zone = useTimeZone();
  const total = useMemo(() => evaluateCostScenario(record.scenario).current.totalInr, [record.scenario]);
  const regions = record.scenario.regions.map((entry) => getRegionConfig(entry.region).name).join(", ");
  return (
    <li className={styles.savedItem} aria-current={open || undefined} data-testid="saved-scenario" data-id={record.id}>
      <div className={styles.savedHead}>
        <span className={styles.savedName} data-testid="saved-name">
          {record.name}
        </span>
        <span className={`${styles.savedTotal} num`} data-testid="saved-total">
          {formatRupees(total)}
        </span>
      </div>
      <p className={styles.savedMeta}>
        {regions} ·{" "}
        <time dateTime={new Date(record.updatedAt).toISOString()}>
          {formatDayMinute(record.updatedAt, zone.timeZone)} {zone.label}
        </time>
        {open ? <span className={styles.openMark}> · open</span> : null}
      </p>
      {confirming ? (
        <div className={styles.savedActions} role="group" aria-label={`Delete ${record.name}?`}>
          <span className={styles.confirmText}>Delete for good?</span>
          <Button variant="danger" size="small" disabled={busy} data-testid="saved-delete-confirm" onClick={() => onDelete(record)}>
            Delete
          </Button>
          <Button size="small" onClick={() => setConfirming(false)} autoFocus>
            Keep
          </Button>
        </div>
      ) : (
        <div className={styles.savedActions}>
          <Button size="small" data-testid="saved-open" onClick={() => onOpen(record)} aria-label={`Open ${record.name}`}>
            Open
          </Button>
          <Button
            size="small"
            data-testid="saved-duplicate"
            disabled={busy || operatorOnly !== null}
            title={operatorOnly ?? undefined}
            onClick={() => onDuplicate(record)}
            aria-label={`Duplicate ${record.name}`}
          >
            Duplicate
          </Button>
          <Button size="small" data-testid="saved-compare" onClick={() => onCompare(record)} aria-label={`Compare ${record.name}`}>
            Compare
          </Button>
          <Button
            size="small"
            data-testid="saved-delete"
            disabled={busy || operatorOnly !== null}
            title={operatorOnly ?? undefined}
            onClick={() => setConfirming(true)}
            aria-label={`Delete ${record.name}`}
          >
            Delete
          </Button>
        </div>
      )}
    </li>
  );
}

/** Saved scenarios, most recently updated first, each with its monthly total and what can be done with it. */
export const SavedScenarios = memo(function SavedScenarios({
  scenarios,
  problem,
  openId,
  busyIds,
  onRetry,
  ...actions
}: SavedScenariosProps) {
  return (
    <Panel title="Saved scenarios" meta={scenarios ? `${scenarios.length} saved` : undefined} className={styles.savedPanel}>
      <div className={styles.savedBody} data-testid="saved-scenarios" aria-busy={scenarios === null && problem === null ? true : undefined}>
        {problem ? (
          <div className={styles.inlineError} role="alert">
            <p>Could not load the saved scenarios: {problem}</p>
            <Button size="small" onClick={onRetry}>
              Try again
            </Button>
          </div>
        ) : scenarios === null ? (
          <div className={styles.savedSkeleton}>
            <Skeleton width="70%" />
            <Skeleton width="45%" />
            <Skeleton width="70%" />
            <Skeleton width="45%" />
          </div>
        ) : scenarios.length === 0 ? (
          <div className={styles.savedEmpty}>
            <EmptyState title="No saved scenarios yet" detail="Save the one in the editor to keep it here." />
          </div>
        ) : (
          <ul className={styles.savedList}>
            {scenarios.map((record) => (
              <SavedScenarioItem key={record.id} record={record} open={record.id === openId} busy={busyIds.has(record.id)} {...actions} />
            ))}
          </ul>
        )}
      </div>
    </Panel>
  );
});
