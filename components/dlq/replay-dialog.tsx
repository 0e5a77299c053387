"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useEffect, useId, useRef } from "react";
import type { ReplayJobDetail, ReplayJobProgress, ReplayOutcome, ReplaySelection } from "@/core/dlq/dlq-api";
import { ApiError } from "@/components/ui/api-client";
import { formatInteger } from "@/components/ui/format";
import { ModalDialog } from "@/components/ui/modal-dialog";
import { createReplayJobQueryKey, createReplayOutcomesQueryKey, fetchReplayJob, previewReplay, startReplay } from "./api";
import { OUTCOME_LABELS } from "./dlq-format";
import { mergeReplayJob } from "./replay-job-cache";
import { useReplayJob } from "./use-replay-job";
import { Button } from "@/components/ui/button";
import { ErrorText } from "@/components/ui/notice";
import styles from "./dlq.module.css";

interface ReplayDialogProps {
  selection: ReplaySelection;
  /** What is being replayed, for the title: "3 selected entries", "every open entry matching the filter". */
  subject: string;
  socketConnected: boolean;
  /** Called once the real replay has started: the page follows the job even after the dialog closes. */
  onStarted: (job: ReplayJobProgress) => void;
  onClose: () => void;
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

/** "Replaying: 250 of 623 entries", "Done: …", "Stopped after …": what the job is doing, in words. */
function describeProgress(progress: ReplayJobProgress | null): string {
  if (progress === null) return "Starting the replay…";
  const of = `${formatInteger(progress.processed)} of ${formatInteger(progress.total)}`;
  if (progress.state === "running") return `Replaying: ${of} entries`;
  if (progress.state === "done") return `Done: ${of} entries handled`;
  return `Stopped after ${of}: ${progress.error}`;
}

/**
 * Replay in two steps: a dry run says what would happen to each entry, then the real run shows its
 * progress step by step. Escape or Close hides the dialog at once; a running job goes on and the page follows it.
 */
export function ReplayDialog({ selection, subject, socketConnected, onStarted, onClose }: ReplayDialogProps) {
  const dialogRef = useRef<HTMLDialogElement>(null);
  const titleId = useId();
  const queryClient = useQueryClient();

  const preview = useMutation({ mutationFn: () => previewReplay(selection) });
  const start = useMutation({
    mutationFn: () => startReplay(selection),
    onSuccess: (job) => {
      queryClient.setQueryData<ReplayJobDetail>(createReplayJobQueryKey(job.id), (current) => mergeReplayJob(current, job));
      onStarted(job);
    },
  });
  const jobId = start.data?.id ?? null;
  const job = useReplayJob(jobId, socketConnected);
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
  useEffect(() => runPreview(), [runPreview]);

  // From the press of "Replay N entries" on, the dialog speaks of the job, never of the dry run.
  const phase = progress !== null ? progress.state : start.isPending ? "starting" : "dry-run";
  const dry = preview.data;
  const percent = progress && progress.total > 0 ? Math.round((progress.processed / progress.total) * 100) : finished ? 100 : 0;

  return (
    <ModalDialog
      ref={dialogRef}
      className={styles.dialog}
      aria-labelledby={titleId}
      data-testid="replay-dialog"
      data-phase={phase}
      onClose={onClose}
    >
      <div className={styles.dialogBody}>
        <h2 id={titleId} className={styles.dialogTitle}>
          Replay {subject}
        </h2>
        {phase === "dry-run" ? (
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
          <section
            aria-label="Replay progress"
            data-testid="replay-progress"
            data-state={progress?.state ?? "running"}
            className={styles.stack}
          >
            {finished ? null : (
              <p className={styles.dialogDetail} data-testid="replay-running">
                The replay is running: entries go through the pipeline again, step by step. Closing this leaves it running; the page keeps
                its progress.
              </p>
            )}
            <div
              className={styles.progress}
              role="progressbar"
              aria-label="Entries replayed"
              aria-valuemin={0}
              aria-valuemax={progress?.total ?? dry?.total ?? 0}
              aria-valuenow={progress?.processed ?? 0}
              aria-valuetext={progress ? `${progress.processed} of ${progress.total} entries` : "starting"}
              data-state={progress?.state ?? "running"}
              data-testid="replay-progressbar"
            >
              <div className={styles.progressFill} style={{ width: `${percent}%` }} />
            </div>
            <p className={styles.progressLabel} role="status" data-testid="replay-status">
              {describeProgress(progress)}
            </p>
            {progress ? <OutcomeCounts counts={progress} /> : null}
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
          <Button data-testid="replay-close" onClick={() => dialogRef.current?.close()}>
            {phase === "dry-run" ? "Cancel" : "Close"}
          </Button>
          {phase === "dry-run" ? (
            <Button variant="primary" data-testid="replay-confirm" disabled={!dry || dry.requeued === 0} onClick={() => start.mutate()}>
              {!dry
                ? "Replay"
                : dry.requeued === 0
                  ? "Nothing to replay"
                  : `Replay ${formatInteger(dry.requeued)} ${dry.requeued === 1 ? "entry" : "entries"}`}
            </Button>
          ) : null}
        </div>
      </div>
    </ModalDialog>
  );
}
