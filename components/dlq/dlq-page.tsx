"use client";

import { keepPreviousData, useQuery, useQueryClient } from "@tanstack/react-query";
import { useCallback, useEffect, useState } from "react";
import type { DlqSummary, ReplayJobDetail, ReplayJobProgress, ReplaySelection } from "@/core/dlq/dlq-api";
import { DEFAULT_MAX_REPLAYS } from "@/core/dlq/replay-decision";
import { ApiError } from "@/components/ui/api-client";
import { UserMenu } from "@/components/auth/user-menu";
import { useOperatorOnly } from "@/components/auth/use-session";
import { Brand } from "@/components/ui/brand";
import frame from "@/components/ui/page.module.css";
import { EmptyState } from "@/components/ui/empty-state";
import { formatInteger } from "@/components/ui/format";
import { SiteNav } from "@/components/ui/site-nav";
import { Skeleton } from "@/components/ui/skeleton";
import { createEntriesQueryKey, createReplayJobQueryKey, DLQ_ENTRIES_QUERY_KEY, DLQ_SUMMARY_QUERY_KEY, fetchDeadLetters } from "./api";
import { DlqFilters } from "./dlq-filters";
import { toReplayFilter, writeFilterQuery, type DlqFilter } from "./dlq-filter-query";
import { DlqTable } from "./dlq-table";
import { EntryPanel } from "./entry-panel";
import { ReplayDialog } from "./replay-dialog";
import { mergeReplayJob } from "./replay-job-cache";
import { useDlqSocket } from "./use-dlq-socket";
import { useDlqSummary } from "./use-dlq-summary";
import { useReplayJob } from "./use-replay-job";
import { Button } from "@/components/ui/button";
import styles from "./dlq.module.css";

const PAGE_SIZE = 50;

interface ReplayRequest {
  selection: ReplaySelection;
  subject: string;
}

function describeFailure(error: unknown): string {
  return error instanceof ApiError ? error.message : "an unexpected error";
}

/** The DLQ page: filter dead letters, open one, select some (or the whole filter) and replay them with a dry run first. */
export function DlqPage({ initialFilter }: { initialFilter: DlqFilter }) {
  const queryClient = useQueryClient();
  const [filter, setFilter] = useState(initialFilter);
  // The cursors of the pages seen so far: index 0 is the newest page.
  const [cursors, setCursors] = useState<Array<string | null>>([null]);
  const [selected, setSelected] = useState<ReadonlySet<string>>(new Set());
  const [wholeFilter, setWholeFilter] = useState(false);
  const [openId, setOpenId] = useState<string | null>(null);
  const [replay, setReplay] = useState<ReplayRequest | null>(null);
  // The latest replay started here: followed after its dialog closes, until it ends.
  const [jobId, setJobId] = useState<string | null>(null);
  const operatorOnly = useOperatorOnly();
  const cursor = cursors[cursors.length - 1] ?? null;

  const entries = useQuery({
    queryKey: createEntriesQueryKey(filter, cursor),
    queryFn: ({ signal }) => fetchDeadLetters(filter, cursor, PAGE_SIZE, signal),
    retry: 1,
    placeholderData: keepPreviousData,
  });
  const summary = useDlqSummary();

  const socketConnected = useDlqSocket({
    onSummary: (next: DlqSummary) => queryClient.setQueryData(DLQ_SUMMARY_QUERY_KEY, next),
    onReplayJob: (job: ReplayJobProgress) => {
      queryClient.setQueryData<ReplayJobDetail>(createReplayJobQueryKey(job.id), (current) => mergeReplayJob(current, job));
    },
  });

  // The address names the filter, so a filtered view can be shared or reloaded.
  useEffect(() => {
    const query = writeFilterQuery(filter).toString();
    const target = query ? `/dlq?${query}` : "/dlq";
    if (`${window.location.pathname}${window.location.search}` !== target) window.history.replaceState(window.history.state, "", target);
  }, [filter]);

  const changeFilter = useCallback((next: DlqFilter) => {
    setFilter(next);
    setCursors([null]);
    setSelected(new Set());
    setWholeFilter(false);
  }, []);

  const job = useReplayJob(jobId, socketConnected).data?.job ?? null;
  const jobFinished = job !== null && job.state !== "running";
  // Once the job ends, whether its dialog is open or not, its selection is let go and the lists and counters are read again.
  const [settledJobId, setSettledJobId] = useState<string | null>(null);
  if (jobFinished && settledJobId !== jobId) {
    setSettledJobId(jobId);
    setSelected(new Set());
    setWholeFilter(false);
  }
  useEffect(() => {
    if (!jobFinished) return;
    void queryClient.invalidateQueries({ queryKey: DLQ_ENTRIES_QUERY_KEY });
    void queryClient.invalidateQueries({ queryKey: DLQ_SUMMARY_QUERY_KEY });
    void queryClient.invalidateQueries({ queryKey: ["dlq", "entry"] });
  }, [jobFinished, queryClient]);

  const page = entries.data?.entries ?? [];
  // The guard's default is shown until the summary says what the server uses.
  const maxReplays = summary.data?.maxReplays ?? DEFAULT_MAX_REPLAYS;

  function toggle(id: string): void {
    setWholeFilter(false);
    setSelected((current) => {
      const next = new Set(current);
      if (next.has(id)) next.delete(id);
      else next.add(id);
      return next;
    });
  }

  function toggleAll(select: boolean): void {
    setWholeFilter(false);
    setSelected(select ? new Set(page.map((e) => e.id)) : new Set());
  }

  const nothingSelected = !wholeFilter && selected.size === 0;
  function openReplay(): void {
    // The button stays focusable while nothing is selected (so focus can come back to it), but does nothing.
    if (operatorOnly !== null || nothingSelected) return;
    if (wholeFilter) setReplay({ selection: { filter: toReplayFilter(filter) }, subject: "every open entry matching the filter" });
    else
      setReplay({ selection: { ids: [...selected] }, subject: `${selected.size} selected ${selected.size === 1 ? "entry" : "entries"}` });
  }

  const counts = summary.data;
  return (
    <div className={frame.page}>
      <header className={frame.header}>
        <Brand tag="dead letters" />
        <SiteNav current="dlq" />
        <p className={styles.headerCounts} data-testid="dlq-counts" aria-live="polite">
          {counts ? (
            <>
              <span>
                <strong className="num">{formatInteger(counts.open)}</strong> open
              </span>
              <span>
                <span className="num">{formatInteger(counts.bySeverity.CATASTROPHIC)}</span> catastrophic
              </span>
              <span>
                <span className="num">{formatInteger(counts.bySeverity.PERSISTENT)}</span> persistent
              </span>
              <span>
                <span className="num">{formatInteger(counts.bySeverity.TRANSIENT)}</span> transient
              </span>
              <span>
                <span className="num">{formatInteger(counts.guarded)}</span> at the guard
              </span>
            </>
          ) : (
            <Skeleton width="24em" />
          )}
        </p>
        <UserMenu />
      </header>
      <main className={frame.main}>
        <DlqFilters filter={filter} onChange={changeFilter} />

        <div className={styles.selectionBar} data-testid="dlq-selection">
          {wholeFilter ? (
            <span>Every open entry matching the filter is selected.</span>
          ) : (
            <span>
              {selected.size > 0 ? `${formatInteger(selected.size)} selected` : "Select entries to replay them, or the whole filter."}
            </span>
          )}
          {wholeFilter ? (
            <button type="button" className={styles.linkButton} onClick={() => setWholeFilter(false)}>
              Clear the selection
            </button>
          ) : (
            <button
              type="button"
              className={styles.linkButton}
              data-testid="dlq-select-filter"
              disabled={page.length === 0}
              onClick={() => {
                setSelected(new Set());
                setWholeFilter(true);
              }}
            >
              Select everything matching the filter
            </button>
          )}
          {job ? (
            <span className={styles.jobStatus} role="status" data-testid="dlq-job-status" data-state={job.state}>
              {job.state === "running"
                ? `Replay running: ${formatInteger(job.processed)} of ${formatInteger(job.total)} entries`
                : job.state === "done"
                  ? `Last replay done: ${formatInteger(job.processed)} entries handled, ${formatInteger(job.requeued)} requeued`
                  : `Last replay stopped after ${formatInteger(job.processed)} of ${formatInteger(job.total)}: ${job.error}`}
            </span>
          ) : null}
          <Button
            variant="primary"
            className={styles.replay}
            data-testid="dlq-replay"
            aria-disabled={operatorOnly !== null || nothingSelected || undefined}
            title={operatorOnly ?? (nothingSelected ? "Select entries, or the whole filter, to replay them" : undefined)}
            onClick={openReplay}
          >
            Replay…
          </Button>
        </div>

        {entries.isError ? (
          <div className={styles.problem} role="alert">
            <p>Could not load the dead letters: {describeFailure(entries.error)}.</p>
            <Button size="small" onClick={() => void entries.refetch()}>
              Retry
            </Button>
          </div>
        ) : null}

        <div className={styles.tableWrap} aria-busy={entries.isFetching || undefined}>
          {entries.data ? (
            page.length > 0 ? (
              <DlqTable
                entries={page}
                maxReplays={maxReplays}
                selected={selected}
                onToggle={toggle}
                onToggleAll={toggleAll}
                onOpen={setOpenId}
              />
            ) : writeFilterQuery(filter).size > 0 ? (
              <EmptyState title="No dead letters match this filter" detail="Clear it to see every entry." />
            ) : (
              <EmptyState title="No dead letters — nothing has failed for good" />
            )
          ) : entries.isPending ? (
            <div className={styles.loading} aria-label="Loading dead letters">
              <Skeleton block />
            </div>
          ) : null}
        </div>

        <nav className={styles.pager} aria-label="Pages of dead letters">
          <Button size="small" disabled={cursors.length === 1} onClick={() => setCursors((c) => c.slice(0, -1))}>
            ← Newer
          </Button>
          <span className="num">Page {cursors.length}</span>
          <Button
            size="small"
            data-testid="dlq-older"
            disabled={!entries.data?.nextCursor}
            onClick={() => setCursors((c) => [...c, entries.data?.nextCursor ?? null])}
          >
            Older →
          </Button>
        </nav>
      </main>
      {openId ? <EntryPanel id={openId} onClose={() => setOpenId(null)} /> : null}
      {replay ? (
        <ReplayDialog
          selection={replay.selection}
          subject={replay.subject}
          socketConnected={socketConnected}
          onStarted={(started) => setJobId(started.id)}
          onClose={() => setReplay(null)}
        />
      ) : null}
    </div>
  );
}
