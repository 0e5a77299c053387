"use client";

import Link from "next/link";
import { FAILURE_SEVERITIES } from "@/core/dlq/failures";
import { ApiError } from "@/components/ui/api-client";
import { formatInteger } from "@/components/ui/format";
import { Panel } from "@/components/ui/panel";
import { Skeleton } from "@/components/ui/skeleton";
import { useDlqSummary } from "./use-dlq-summary";
import tile from "@/components/ui/tile.module.css";
import styles from "./dlq.module.css";

/** The board's DLQ tile: open dead letters by severity, those at the replay guard, and the way to the page. */
export function DlqTile() {
  const summary = useDlqSummary();
  const data = summary.data;

  return (
    <Panel title="DLQ" meta="open, by severity">
      <div className={tile.tile} data-testid="dlq-tile" aria-busy={data ? undefined : true}>
        <p className={tile.total}>
          <span className="num" data-testid="dlq-tile-open">
            {data ? formatInteger(data.open) : <Skeleton width="3em" />}
          </span>
          <span className={tile.unit}>open</span>
        </p>
        <ul className={styles.tileSeverities} aria-label="Open dead letters by severity">
          {FAILURE_SEVERITIES.map((severity) => (
            <li key={severity} className={styles.tileSeverity} data-testid={`dlq-tile-${severity}`}>
              <span className={styles.severity} data-severity={severity}>
                {severity}
              </span>
              <span className="num">{data ? formatInteger(data.bySeverity[severity]) : "\u00a0"}</span>
            </li>
          ))}
        </ul>
        <p className={tile.note}>{data ? `${formatInteger(data.total)} kept in all, resolved included` : "\u00a0"}</p>
        {data && data.guarded > 0 ? (
          <p className={styles.tileGuard}>
            {formatInteger(data.guarded)} at the replay guard ({data.maxReplays} replays)
          </p>
        ) : null}
        {summary.isError ? (
          <p className={styles.tileGuard} role="status">
            {summary.error instanceof ApiError ? summary.error.message : "The counters could not be fetched"}; retrying.
          </p>
        ) : null}
        <Link href="/dlq" className={tile.link} data-testid="dlq-tile-link">
          Dead-letter queue →
        </Link>
      </div>
    </Panel>
  );
}
