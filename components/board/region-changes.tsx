import { memo } from "react";
import { REGION_ACTION_WORDS } from "@/core/routing/region-state";
import { getRegionConfig } from "@/core/routing/regions";
import { EmptyState } from "@/components/ui/empty-state";
import { Panel } from "@/components/ui/panel";
import { Skeleton } from "@/components/ui/skeleton";
import { formatClockTime } from "@/components/ui/time-format";
import { useTimeZone } from "@/components/ui/use-time-zone";
import type { RegionChange, RegionChangeAction } from "./api";
import styles from "./lists.module.css";
import { REGION_COLORS } from "./region-colors";

/** Losing capacity reads as critical, a breaker opening as a warning, anything given back as ok. */
const ACTION_TONES: Record<RegionChangeAction, "critical" | "warning" | "ok"> = {
  failover: "critical",
  failback: "ok",
  failover_refused: "warning",
  breaker_open: "warning",
  breaker_close: "ok",
  breaker_trip: "warning",
  breaker_reset: "ok",
};

/** Stable keys for a list that grows at the top; the same change twice in one millisecond gets a suffix. */
function createChangeKeys(changes: readonly RegionChange[]): string[] {
  const seen = new Map<string, number>();
  return changes.map((change) => {
    const base = `${change.at}-${change.region}-${change.action}-${change.mode}`;
    const count = seen.get(base) ?? 0;
    seen.set(base, count + 1);
    return count === 0 ? base : `${base}-${count}`;
  });
}

interface RegionChangesProps {
  /** null while the first answer loads. */
  changes: readonly RegionChange[] | null;
  /** Why the last refresh failed; null when it worked. */
  problem: string | null;
  pollMs: number;
}

/** The latest failovers, failbacks and breaker changes from /api/regions, newest first. */
function RegionChangesView({ changes, problem, pollMs }: RegionChangesProps) {
  const keys = changes ? createChangeKeys(changes) : [];
  const { timeZone, label } = useTimeZone();
  return (
    <Panel title="Region changes" meta={`newest first · ${label} · every ${pollMs / 1000} s`} bodyClassName={styles.changesBody}>
      <div className={styles.changes} data-testid="region-changes" aria-busy={changes ? undefined : true}>
        {problem ? (
          <p className={styles.changesProblem} role="alert">
            {problem}. Retrying every {pollMs / 1000} s{changes ? "; showing the last list received" : ""}.
          </p>
        ) : null}
        {changes === null ? (
          problem ? null : (
            <Skeleton block />
          )
        ) : changes.length === 0 ? (
          <EmptyState title="No region changes yet" detail="Failovers, failbacks and breaker changes appear here." />
        ) : (
          <ol className={styles.changeList} aria-label="Region changes, newest first">
            {changes.map((change, index) => (
              <li
                key={keys[index]}
                className={styles.change}
                data-region={change.region}
                data-action={change.action}
                data-tone={ACTION_TONES[change.action]}
              >
                <time className={`${styles.changeTime} num`} dateTime={new Date(change.at).toISOString()}>
                  {formatClockTime(change.at, timeZone)}
                </time>
                <span className={styles.changeWhat}>
                  <span className={styles.changeRegion} style={{ color: REGION_COLORS[change.region] }}>
                    {getRegionConfig(change.region).name}
                  </span>{" "}
                  <span className={styles.changeAction}>{REGION_ACTION_WORDS[change.action]}</span>
                </span>
                <span className={styles.changeMode} data-mode={change.mode}>
                  {change.mode}
                </span>
                <span className={styles.changeReason} title={change.reason}>
                  {change.reason}
                </span>
              </li>
            ))}
          </ol>
        )}
      </div>
    </Panel>
  );
}

export const RegionChanges = memo(RegionChangesView);
