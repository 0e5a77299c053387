import { messageOf } from "../errors";
import { randomUUID } from "node:crypto";
import { stableUuidOf } from "@/server/stable-id";
import { toWireEvent, type ViewerEvent } from "@/core/events/events";
import { classifyFailure, decideFailureAction, type FailureSeverity } from "@/core/dlq/failures";
import type { RegionId } from "@/core/routing/regions";
import type { DeadLetterRecord } from "./dead-letter";
import type { DrillComponent } from "@/core/drills/drill-api";

/** An event that failed and waits for its next attempt. */
export interface RetryItem {
  event: ViewerEvent;
  region: RegionId;
  component: DrillComponent;
  ingestedAt: number;
  /** Attempts already made after the first failure. */
  retryCount: number;
  firstFailedAt: number;
  dueAt: number;
  /** The dead letter this event is a replay of, if it is one. */
  replayOf?: string | undefined;
  /** The error of its latest failure. */
  lastError?: string | undefined;
  /** Where a durable bus holds the original message (`source@offset`); names its dead letter. */
  origin?: string | undefined;
}

/** What failed: the event, where, and its history so far. */
export type Failure = Omit<RetryItem, "dueAt">;

/** Where the handler counts what it does, per region (the metrics hub). */
export interface FailureTally {
  addFailure(region: RegionId, severity: FailureSeverity): void;
  addInRetry(region: RegionId, delta: number): void;
  addDeadLettered(region: RegionId): void;
  addAlternativePath(region: RegionId): void;
}

export interface FailureHandlerOptions {
  tally: FailureTally;
  maxRetries: number;
  /** Events waiting for a retry beyond which new failures go straight to the dead-letter queue (said in the error). */
  maxInRetry: number;
  /** Processes an event again; throws if it fails again. */
  retry: (item: RetryItem) => void;
  /** The alternative path for a PERSISTENT failure (a minimal processor); throws if that fails too. */
  alternative: (failure: Failure) => void;
  /** Receives a new dead letter, or (with `replayOf`) the new failure of a replayed one. */
  deadLetter: (record: DeadLetterRecord, replayOf?: string) => void;
  /**
   * Takes a retry instead of the in-memory queue (a durable bus's retry topic): it is then not
   * lost with the process, and a partition is never held up waiting for it.
   */
  schedule?: (item: RetryItem) => void;
  /**
   * A CATASTROPHIC failure with restores left: the caller marks its batch to be rolled back to the
   * checkpoint it started from once the pass ends, and processes it again. Returns false where there
   * is no batch to restore (a retry running on its own, a batch out of restores): the event is then
   * dead-lettered.
   */
  restore?: (failure: Failure) => boolean;
}

/** The same id for the same original message, so a dead letter written twice (after a crash) is stored once. */
export function deadLetterIdOf(origin: string): string {
  return stableUuidOf(`dead letter of ${origin}`);
}

/**
 * What happens to an event whose processing threw (SPEC section 4): classified by the error's text,
 * TRANSIENT waits min(2^n, 60) s and is tried again without holding up other events, PERSISTENT
 * takes the alternative path, and whatever is out of retries goes to the dead-letter queue.
 * CATASTROPHIC restores the batch from its checkpoint (`restore`) up to the retry budget, then is
 * dead-lettered.
 */
export class FailureHandler {
  private queue: RetryItem[] = [];

  constructor(private readonly options: FailureHandlerOptions) {}

  /** Takes a failure of `event` in `component`; `retryCount` is 0 on its first failure. */
  handle(failure: Failure, error: unknown, now: number): void {
    const message = messageOf(error);
    const severity = classifyFailure(message);
    const tally = this.options.tally;
    tally.addFailure(failure.region, severity);
    const decision = decideFailureAction({ severity, retryCount: failure.retryCount, maxRetries: this.options.maxRetries });
    switch (decision.action) {
      case "retry":
        if (this.queue.length >= this.options.maxInRetry) {
          this.deadLetter(failure, severity, `${message} (retry queue full at ${this.options.maxInRetry})`, now);
          return;
        }
        {
          const item = { ...failure, retryCount: failure.retryCount + 1, dueAt: now + decision.delayMs, lastError: message };
          if (this.options.schedule) this.options.schedule(item);
          else this.enqueue(item);
        }
        tally.addInRetry(failure.region, 1);
        return;
      case "alternative_path":
        try {
          this.options.alternative(failure);
          tally.addAlternativePath(failure.region);
        } catch (alternativeError) {
          this.deadLetter(failure, severity, `${message}; the alternative path failed too: ${messageOf(alternativeError)}`, now);
        }
        return;
      case "restore_checkpoint":
        if (this.options.restore?.(failure)) return;
        this.deadLetter(
          failure,
          severity,
          failure.retryCount > 0 ? `${message} (still failing after ${failure.retryCount} restore(s) from the checkpoint)` : message,
          now,
        );
        return;
      case "dead_letter":
        this.deadLetter(
          failure,
          severity,
          failure.retryCount > 0 && severity === "CATASTROPHIC"
            ? `${message} (still failing after ${failure.retryCount} restore(s) from the checkpoint)`
            : message,
          now,
        );
        return;
    }
  }

  /** Puts a retry in the in-memory queue, to run when due. */
  enqueue(item: RetryItem): void {
    this.queue.push(item);
  }

  /** Tries one retry taken back from a retry topic (its in-retry count is released here). */
  runOne(item: RetryItem, now: number): void {
    this.options.tally.addInRetry(item.region, -1);
    try {
      this.options.retry(item);
    } catch (error) {
      this.handle(item, error, now);
    }
  }

  /** Tries every retry that is due; one that fails again is handled as its next failure. */
  runDue(now: number): void {
    if (this.queue.length === 0) return;
    const due = this.queue.filter((item) => item.dueAt <= now);
    if (due.length === 0) return;
    this.queue = this.queue.filter((item) => item.dueAt > now);
    for (const item of due) this.runOne(item, now);
  }

  /** Dead-letters every waiting retry (at shutdown), so none is lost with the process. */
  drain(now: number): number {
    const waiting = this.queue;
    this.queue = [];
    for (const item of waiting) {
      this.options.tally.addInRetry(item.region, -1);
      const error = item.lastError ?? "unknown error";
      this.deadLetter(item, classifyFailure(error), `${error} (shut down before retry ${item.retryCount}; replay it)`, now);
    }
    return waiting.length;
  }

  private deadLetter(failure: Failure, severity: FailureSeverity, error: string, now: number): void {
    this.options.tally.addDeadLettered(failure.region);
    const record: DeadLetterRecord = {
      id: failure.replayOf ?? (failure.origin === undefined ? randomUUID() : deadLetterIdOf(failure.origin)),
      eventId: failure.event.eventId,
      region: failure.region,
      component: failure.component,
      severity,
      error,
      retryCount: failure.retryCount,
      event: toWireEvent(failure.event),
      firstFailedAt: failure.firstFailedAt,
      deadLetteredAt: now,
      replayCount: 0,
      lastReplayedAt: null,
      resolvedAt: null,
    };
    this.options.deadLetter(record, failure.replayOf);
  }
}
