"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useEffect, useId, useRef, type SyntheticEvent } from "react";
import type { ReplayJobDetail, ReplayOutcome, ReplaySelection } from "@/core/dlq/dlq-api";
import { ApiError } from "@/components/ui/api-client";
import { formatInteger } from "@/components/ui/format";
import { createReplayJobQueryKey, createReplayOutcomesQueryKey, fetchReplayJob, previewReplay, startReplay } from "./api";
import { OUTCOME_LABELS } from "./dlq-format";
import { mergeReplayJob } from "./replay-job-cache";
import { Button } from "@/components/ui/button";
import { ErrorText } from "@/components/ui/notice";
import styles from "./dlq.module.css";

/** How often the dialog asks for progress while the socket that pushes it is down. */
const POLL_MS = 500;

interface ReplayDialogProps {
  selection: ReplaySelection;
  /** What is being replayed, for the title: "3 selected entries", "every open entry matching the filter". */
  subject: string;
  socketConnected: boolean;
  onClose: () => void;
  /** Called once a real replay has ended, so lists and counters can be read again. */
  onFinished: () => void;
}

function describeFailure(error: unknown): string {
  return error instanceof ApiError ? error.message : "an unexpected error";
}

function OutcomeCounts({ counts }: { counts: Record<ReplayOutcome["outcome"], number> }) {
  return (
    <div className={styles.counts} data-testid="replay-counts">
      {(["requeued", "refused", "invalid", "missing"] as const).map((outcome) => (
        <p key={outcome} className={styles.count} data-outcome={outcome} data-testid={`replay-count-${outcome}`}>
          <strong className="num">{formatInteger(counts[outcome])}</strong>
          <span>{OUTCOME_LABELS[outcome]}</span>
        </p>
      ))}
    </div>
  );
}

function OutcomeTable({ outcomes, truncated, label }: { outcomes: readonly ReplayOutcome[]; truncated: boolean; label: string }) {
  return (
    <div className={styles.outcomes}>
      <table className={styles.table} aria-label={label} data-testid="replay-outcomes">
        <thead>
          <tr>
            <th scope="col">Event</th>
            <th scope="col">Outcome</th>
            <th scope="col">Why</th>
          </tr>
        </thead>
        <tbody>
          {outcomes.map((o) => (
            <tr key={o.id} className={styles.outcome} data-outcome={o.outcome} data-id={o.id}>
              <td className={styles.mono}>{o.eventId ?? o.id}</td>
              <td className={styles.outcomeName}>{OUTCOME_LABELS[o.outcome]}</td>
              <td>{o.reason}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {truncated ? (
        <p className={styles.progressLabel}>The first {formatInteger(outcomes.length)} entries are listed; the counts cover them all.</p>
      ) : null}
    </div>
  );
}

/** Replay in two steps: a dry run says what would happen to each entry, then the real run shows its progress live. */
export function ReplayDialog({ selection, subject, socketConnected, onClose, onFinished }: ReplayDialogProps) {
  const dialogRef = useRef<HTMLDialogElement>(null);
  const titleId = useId();
  const queryClient = useQueryClient();

  const preview = useMutation({ mutationFn: () => previewReplay(selection) });
  const start = useMutation({
    mutationFn: () => startReplay(selection),
    onSuccess: (job) =>
      queryClient.setQueryData<ReplayJobDetail>(createReplayJobQueryKey(job.id), (current) => mergeReplayJob(current, job)),
  });
  const jobId = start.data?.id ?? null;
  const job = useQuery({
    queryKey: createReplayJobQueryKey(jobId ?? ""),
    queryFn: ({ signal }) => fetchReplayJob(jobId ?? "", signal),
    enabled: jobId !== null,
    retry: 1,
    // Pushes carry progress; polling stands in only while the socket is down.
    refetchInterval: (query) => (query.state.data?.job.state === "running" && !socketConnected ? POLL_MS : false),
  });
  const progress = job.data?.job ?? start.data ?? null;
  const finished = progress !== null && progress.state !== "running";
  const outcomes = useQuery({
    queryKey: createReplayOutcomesQueryKey(jobId ?? ""),
    queryFn: ({ signal }) => fetchReplayJob(jobId ?? "", signal),
    enabled: finished && jobId !== null,
    retry: 1,
  });

  // The dry run runs once, when the dialog opens (a mutation's mutate is stable across renders).
  const { mutate: runPreview } = preview;
  useEffect(() => {
    const dialog = dialogRef.current;
    if (dialog && !dialog.open) dialog.showModal();
    runPreview();
  }, [runPreview]);

  useEffect(() => {
    if (finished) onFinished();
  }, [finished, onFinished]);

  const running = start.isPending || (progress !== null && !finished);
  function keepOpenWhileRunning(event: SyntheticEvent<HTMLDialogElement>): void {
    // The job goes on without the dialog, but its outcome would be out of sight.
    if (running) event.preventDefault();
  }

  const dry = preview.data;
  const percent = progress && progress.total > 0 ? Math.round((progress.processed / progress.total) * 100) : finished ? 100 : 0;

  return (
    <dialog
      ref={dialogRef}
      className={styles.dialog}
      aria-labelledby={titleId}
      data-testid="replay-dialog"
      onCancel={keepOpenWhileRunning}
      onClose={onClose}
    >
      <div className={styles.dialogBody}>
        <h2 id={titleId} className={styles.dialogTitle}>
          Replay {subject}
        </h2>
        {progress === null ? (
          <>
            <p className={styles.dialogDetail}>A dry run first: what a replay would do to each entry. Nothing is sent until you confirm.</p>
            {preview.isPending ? (
              <p className={styles.progressLabel} role="status">
                Running the dry run…
              </p>
            ) : null}
            {preview.isError ? <ErrorText>The dry run failed: {describeFailure(preview.error)}</ErrorText> : null}
            {dry ? (
              <section aria-label="Dry run" data-testid="replay-dry-run" className={styles.stack}>
                <OutcomeCounts counts={dry} />
                <OutcomeTable outcomes={dry.outcomes} truncated={dry.truncated} label="What the replay would do" />
              </section>
            ) : null}
          </>
        ) : (
          <section aria-label="Replay progress" data-testid="replay-progress" data-state={progress.state} className={styles.stack}>
            <div
              className={styles.progress}
              role="progressbar"
              aria-label="Entries replayed"
              aria-valuemin={0}
              aria-valuemax={progress.total}
              aria-valuenow={progress.processed}
              aria-valuetext={`${progress.processed} of ${progress.total} entries`}
              data-state={progress.state}
              data-testid="replay-progressbar"
            >
              <div className={styles.progressFill} style={{ width: `${percent}%` }} />
            </div>
            <p className={styles.progressLabel} role="status">
              {progress.state === "running"
                ? `Replaying: ${formatInteger(progress.processed)} of ${formatInteger(progress.total)} entries`
                : progress.state === "done"
                  ? `Done: ${formatInteger(progress.processed)} of ${formatInteger(progress.total)} entries handled`
                  : `Stopped after ${formatInteger(progress.processed)} of ${formatInteger(progress.total)}: ${progress.error}`}
            </p>
            <OutcomeCounts counts={progress} />
            {outcomes.data ? (
              <OutcomeTable outcomes={outcomes.data.outcomes} truncated={outcomes.data.truncated} label="What the replay did" />
            ) : null}
            {outcomes.isError ? (
              <ErrorText>The outcome of each entry could not be read: {describeFailure(outcomes.error)}</ErrorText>
            ) : null}
          </section>
        )}
        {start.isError ? <ErrorText>The replay did not start: {describeFailure(start.error)}</ErrorText> : null}
        <div className={styles.buttons}>
          <Button disabled={running} onClick={() => dialogRef.current?.close()}>
            {finished ? "Close" : "Cancel"}
          </Button>
          {progress === null ? (
            <Button
              variant="primary"
              data-testid="replay-confirm"
              disabled={!dry || dry.requeued === 0 || start.isPending}
              onClick={() => start.mutate()}
            >
              {!dry
                ? "Replay"
                : dry.requeued === 0
                  ? "Nothing to replay"
                  : `Replay ${formatInteger(dry.requeued)} ${dry.requeued === 1 ? "entry" : "entries"}`}
            </Button>
          ) : null}
        </div>
      </div>
    </dialog>
  );
}
