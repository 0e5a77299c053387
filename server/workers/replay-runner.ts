import { randomUUID } from "node:crypto";
import type { ReplayFilter, ReplayJobProgress, ReplayOutcome, ReplayResult, ReplaySelection } from "@/core/dlq/dlq-api";
import { decideReplay } from "@/core/dlq/replay-decision";
import type { ViewerEvent } from "@/core/events/events";
import type { DbClient } from "../services/db-client";
import { messageOf } from "../errors";
import { countDeadLetters, listDeadLetters } from "../services/list-dead-letters";
import { createReplayJob, recordReplayOutcomes, updateReplayJob } from "../services/save-replay-job";
import { claimDeadLettersForReplay, releaseReplayClaims } from "../services/update-replayed-dead-letters";
import type { DeadLetterRecord } from "./dead-letter";

/** Outcomes a result lists at most; its counts cover every entry. */
export const OUTCOMES_SHOWN = 1000;

export interface ReplayRunnerOptions {
  prisma: DbClient;
  /** Replays of one entry beyond which it is refused. */
  maxReplays: number;
  /** Entries read from the database at a time; never the whole selection at once. */
  batchSize: number;
  /** Entries decided, claimed and sent per step, each step's progress stored and reported: a job's bar moves as it goes. */
  progressStep: number;
  ingestReplay: (event: ViewerEvent, deadLetterId: string) => Promise<unknown>;
  /** Resolves once dead letters still being written are in the database, so a selection sees them. */
  settleWrites: () => Promise<void>;
  /** Called after a job starts, after each of its steps and when it ends. */
  onProgress: (job: ReplayJobProgress) => void;
  log: (message: string) => void;
}

export interface StartedReplay {
  job: ReplayJobProgress;
  /** The job once it is done or failed, with the first outcomes. */
  finished: Promise<{ job: ReplayJobProgress; outcomes: ReplayOutcome[]; truncated: boolean }>;
}

interface Tally {
  requeued: number;
  refused: number;
  invalid: number;
  missing: number;
  outcomes: ReplayOutcome[];
  truncated: boolean;
}

function addOutcomes(tally: Tally, outcomes: readonly ReplayOutcome[]): void {
  for (const outcome of outcomes) {
    tally[outcome.outcome] += 1;
    if (tally.outcomes.length < OUTCOMES_SHOWN) tally.outcomes.push(outcome);
    else tally.truncated = true;
  }
}

/** A job's counts from its tally: every entry handled so far, by outcome. */
function countsOf(tally: Tally): Pick<ReplayJobProgress, "processed" | "requeued" | "refused" | "invalid" | "missing"> {
  return {
    processed: tally.requeued + tally.refused + tally.invalid + tally.missing,
    requeued: tally.requeued,
    refused: tally.refused,
    invalid: tally.invalid,
    missing: tally.missing,
  };
}

/**
 * Replays dead letters batch by batch, as a dry run (what would happen to each) or as a job that
 * sends each batch in steps, its progress stored and reported after every step. A selection by filter
 * covers open entries dead-lettered before the job started, so an entry that fails again during the
 * job is not replayed twice.
 */
export class ReplayRunner {
  constructor(private readonly options: ReplayRunnerOptions) {}

  /** What a replay of the selection would do to each entry; changes nothing. */
  async preview(selection: ReplaySelection): Promise<ReplayResult> {
    await this.options.settleWrites();
    const tally: Tally = { requeued: 0, refused: 0, invalid: 0, missing: 0, outcomes: [], truncated: false };
    for await (const batch of this.readBatches(selection, Date.now())) addOutcomes(tally, this.decide(batch, true, Date.now()).outcomes);
    const { outcomes, truncated, ...counts } = tally;
    return {
      jobId: null,
      dryRun: true,
      total: counts.requeued + counts.refused + counts.invalid + counts.missing,
      ...counts,
      outcomes,
      truncated,
    };
  }

  /** Starts a real replay; resolves once the job is recorded, before its batches run. */
  async start(selection: ReplaySelection, requestedBy: string | null): Promise<StartedReplay> {
    await this.options.settleWrites();
    const requestedAt = Date.now();
    const total =
      "ids" in selection
        ? selection.ids.length
        : await countDeadLetters(this.options.prisma, this.filterQuery(selection.filter, requestedAt));
    const job: ReplayJobProgress = {
      id: randomUUID(),
      state: "running",
      requestedAt,
      finishedAt: null,
      total,
      processed: 0,
      requeued: 0,
      refused: 0,
      invalid: 0,
      missing: 0,
      error: null,
      requestedBy,
    };
    await createReplayJob(this.options.prisma, job, selection);
    this.options.onProgress({ ...job });
    return { job: { ...job }, finished: this.run(job, selection) };
  }

  private async run(job: ReplayJobProgress, selection: ReplaySelection): Promise<Awaited<StartedReplay["finished"]>> {
    const { prisma, log } = this.options;
    const tally: Tally = { requeued: 0, refused: 0, invalid: 0, missing: 0, outcomes: [], truncated: false };
    try {
      for await (const batch of this.readBatches(selection, job.requestedAt)) {
        // Steps smaller than a batch: its database writes and sends are spread out, so the progress reported moves evenly.
        for (let i = 0; i < batch.length; i += this.options.progressStep) {
          await this.runStep(job, tally, batch.slice(i, i + this.options.progressStep));
          // Embedded Postgres answers in microtasks: without a turn of the event loop between steps a
          // long job held every request, push and snapshot until it ended (7,912 entries: 24 s).
          await new Promise((resolve) => setImmediate(resolve));
        }
      }
      Object.assign(job, { state: "done", total: job.processed, finishedAt: Date.now() });
      log(`[dlq] replay ${job.id}: ${job.requeued} requeued, ${job.refused} refused, ${job.invalid} invalid, ${job.missing} missing`);
    } catch (error) {
      Object.assign(job, { state: "failed", error: messageOf(error), finishedAt: Date.now() });
      log(`[dlq] replay ${job.id} failed after ${job.processed} of ${job.total}: ${job.error}`);
    }
    await updateReplayJob(prisma, job).catch((error: unknown) =>
      log(`[dlq] could not store the end of replay ${job.id}: ${String(error)}`),
    );
    this.options.onProgress({ ...job });
    return { job: { ...job }, outcomes: tally.outcomes, truncated: tally.truncated };
  }

  /** One step: decide, claim, record and send its entries, then store and report the job's progress. */
  private async runStep(job: ReplayJobProgress, tally: Tally, step: ReadonlyArray<{ id: string; entry: DeadLetterRecord | null }>) {
    const { prisma } = this.options;
    const now = Date.now();
    const decided = this.decide(step, false, now);
    // The guard's count and the history are stored before the events go out, so a crash mid-step cannot loop an entry.
    const claimed = await claimDeadLettersForReplay(
      prisma,
      decided.toSend.map((s) => ({ id: s.id, seenReplayCount: s.replayCount })),
      now,
    );
    let outcomes = decided.outcomes.map((o) =>
      o.outcome === "requeued" && !claimed.has(o.id) ? { ...o, outcome: "refused" as const, reason: "another replay took it first" } : o,
    );
    const toSend = decided.toSend.filter((s) => claimed.has(s.id));
    await recordReplayOutcomes(prisma, job.id, outcomes, now);
    let sent = 0;
    try {
      for (; sent < toSend.length; sent++) await this.options.ingestReplay(toSend[sent]!.event, toSend[sent]!.id);
    } catch (error) {
      // What never went out keeps its replay and loses the history that said it did; the job reports what was sent.
      const unsent = toSend.slice(sent).map((s) => s.id);
      await releaseReplayClaims(prisma, job.id, unsent);
      const left = new Set(unsent);
      outcomes = outcomes.filter((o) => !left.has(o.id));
      addOutcomes(tally, outcomes);
      Object.assign(job, countsOf(tally));
      throw error;
    }
    addOutcomes(tally, outcomes);
    Object.assign(job, countsOf(tally));
    // Entries resolved or added since the count was taken can move the total; it never trails what was done.
    job.total = Math.max(job.total, job.processed);
    await updateReplayJob(prisma, job);
    this.options.onProgress({ ...job });
  }

  private filterQuery(filter: ReplayFilter, startedAt: number) {
    return { ...filter, unresolved: true, to: Math.min(filter.to ?? Number.POSITIVE_INFINITY, startedAt + 1) };
  }

  /** The selection's entries, one batch at a time; asked-for ids no entry has come back as null. */
  private async *readBatches(
    selection: ReplaySelection,
    startedAt: number,
  ): AsyncGenerator<Array<{ id: string; entry: DeadLetterRecord | null }>> {
    const { prisma, batchSize } = this.options;
    if ("ids" in selection) {
      for (let i = 0; i < selection.ids.length; i += batchSize) {
        const ids = selection.ids.slice(i, i + batchSize);
        const found = new Map((await listDeadLetters(prisma, { ids, limit: ids.length })).map((e) => [e.id, e]));
        yield ids.map((id) => ({ id, entry: found.get(id) ?? null }));
      }
      return;
    }
    const query = this.filterQuery(selection.filter, startedAt);
    let after: { at: number; id: string } | undefined;
    for (;;) {
      const entries = await listDeadLetters(prisma, { ...query, after, limit: batchSize });
      if (entries.length > 0) yield entries.map((entry) => ({ id: entry.id, entry }));
      if (entries.length < batchSize) return;
      const last = entries[entries.length - 1]!;
      after = { at: last.deadLetteredAt, id: last.id };
    }
  }

  private decide(batch: ReadonlyArray<{ id: string; entry: DeadLetterRecord | null }>, dryRun: boolean, now: number) {
    const { maxReplays } = this.options;
    const outcomes: ReplayOutcome[] = [];
    const toSend: Array<{ id: string; event: ViewerEvent; replayCount: number }> = [];
    for (const { id, entry } of batch) {
      if (!entry) {
        outcomes.push({ id, eventId: null, outcome: "missing", reason: "no dead letter with this id" });
        continue;
      }
      const base = { id, eventId: entry.eventId };
      const decision = decideReplay(entry, maxReplays, now);
      if (decision.kind === "requeue") {
        toSend.push({ id, event: decision.event, replayCount: entry.replayCount });
        outcomes.push({
          ...base,
          outcome: "requeued",
          reason: dryRun ? "would be sent through the pipeline again" : "sent through the pipeline again",
        });
      } else {
        outcomes.push({ ...base, outcome: decision.kind, reason: decision.reason });
      }
    }
    return { outcomes, toSend };
  }
}
