"use client";

import { useQuery } from "@tanstack/react-query";
import { useId, useRef } from "react";
import { getRegionConfig } from "@/core/routing/regions";
import { ApiError } from "@/components/ui/api-client";
import { ModalDialog } from "@/components/ui/modal-dialog";
import { Skeleton } from "@/components/ui/skeleton";
import { createEntryQueryKey, fetchDeadLetter } from "./api";
import { formatClockTime, formatDayTime } from "@/components/ui/time-format";
import { useTimeZone } from "@/components/ui/use-time-zone";
import { ATTEMPT_LABELS, formatReplayGuard } from "./dlq-format";
import { Button } from "@/components/ui/button";
import { ErrorText } from "@/components/ui/notice";
import styles from "./dlq.module.css";

interface EntryPanelProps {
  id: string;
  /** Called once the panel has closed (button, Escape or backdrop). */
  onClose: () => void;
}

/** One dead letter in a side panel: its error, counts, guard, history and the original event. */
export function EntryPanel({ id, onClose }: EntryPanelProps) {
  const dialogRef = useRef<HTMLDialogElement>(null);
  const titleId = useId();
  const detail = useQuery({
    queryKey: createEntryQueryKey(id),
    queryFn: ({ signal }) => fetchDeadLetter(id, signal),
    retry: 1,
    staleTime: 0,
  });
  const { timeZone, label } = useTimeZone();

  const data = detail.data;
  const entry = data?.entry;
  const guard = entry && data ? formatReplayGuard(entry.replayCount, data.maxReplays) : null;

  return (
    <ModalDialog
      ref={dialogRef}
      className={styles.drawer}
      aria-labelledby={titleId}
      data-testid="dlq-entry"
      closeOnBackdrop
      onClose={onClose}
    >
      <div className={styles.dialogBody} aria-busy={data ? undefined : true}>
        <div className={styles.dialogHead}>
          <h2 id={titleId} className={styles.dialogTitle}>
            {entry ? `Dead letter ${entry.eventId}` : "Dead letter"}
          </h2>
          <Button size="small" onClick={() => dialogRef.current?.close()} autoFocus>
            Close
          </Button>
        </div>
        {detail.isError ? (
          <ErrorText>
            Could not load this entry: {detail.error instanceof ApiError ? detail.error.message : "an unexpected error"}.
          </ErrorText>
        ) : null}
        {!entry || !data || !guard ? (
          detail.isError ? null : (
            <Skeleton block />
          )
        ) : (
          <>
            <p className={styles.errorText} data-testid="dlq-entry-error">
              {entry.error}
            </p>
            <dl className={styles.facts}>
              <dt>Severity</dt>
              <dd>
                <span className={styles.severity} data-severity={entry.severity}>
                  {entry.severity}
                </span>
              </dd>
              <dt>Component</dt>
              <dd>{entry.component}</dd>
              <dt>Region</dt>
              <dd>{getRegionConfig(entry.region).name}</dd>
              <dt>Retries</dt>
              <dd className="num">{entry.retryCount}</dd>
              <dt>First failure ({label})</dt>
              <dd className="num">{formatDayTime(entry.firstFailedAt, timeZone)}</dd>
              <dt>Last failure ({label})</dt>
              <dd className="num">{formatDayTime(entry.deadLetteredAt, timeZone)}</dd>
              <dt>Replays</dt>
              <dd data-testid="dlq-entry-replays" className={guard.reached ? styles.guard : undefined}>
                replayed {entry.replayCount} of {data.maxReplays} times{guard.reached ? " — the guard refuses more" : ""}
              </dd>
              <dt>Status</dt>
              <dd className={styles.status} data-status={entry.resolvedAt === null ? "open" : "resolved"}>
                {entry.resolvedAt === null ? "open" : `resolved ${formatDayTime(entry.resolvedAt, timeZone)}`}
              </dd>
            </dl>
            <h3 className={styles.sectionTitle}>History ({label})</h3>
            <ol className={styles.history} data-testid="dlq-entry-history">
              {data.history.map((step, index) => (
                <li key={index} className={styles.historyItem} data-tone={ATTEMPT_LABELS[step.kind].tone} data-kind={step.kind}>
                  <time className="num" dateTime={new Date(step.at).toISOString()}>
                    {formatClockTime(step.at, timeZone)}
                  </time>
                  <span className={styles.historyKind}>{ATTEMPT_LABELS[step.kind].label}</span>
                  <span>{step.detail}</span>
                </li>
              ))}
            </ol>
            <h3 className={styles.sectionTitle}>Original event</h3>
            <pre className={styles.json} data-testid="dlq-entry-event" tabIndex={0}>
              {JSON.stringify(entry.event, null, 2)}
            </pre>
          </>
        )}
      </div>
    </ModalDialog>
  );
}
