import { recordEventInWindow } from "@/core/aggregation";
import type { ViewerEvent } from "@/core/events";
import type { QualityCommand } from "@/core/live-protocol";
import { decideBufferAction, decideQualityChange } from "@/core/quality-ladder";
import type { RegionId } from "@/core/regions";
import type { BatchHandler, BusBatch } from "../bus/event-bus";
import { nowMs } from "../clock";
import type { CommandSink } from "../socket/player-socket";
import type { LiveStore } from "../store/live-store";
import type { DeadLetterRecord } from "./dead-letter";
import { FailureHandler, type RetryItem } from "./failure-handler";
import type { FaultInjector } from "./fault-injector";
import type { MetricsHub } from "./metrics-hub";

/** Told how each batch went, so a region's circuit breaker can open on repeated failures. */
export interface OutcomeSink {
  recordSuccess(region: RegionId, now: number): void;
  recordFailure(region: RegionId, error: string, now: number): void;
}

export interface EventProcessorOptions {
  hub: MetricsHub;
  store: LiveStore;
  commands: CommandSink;
  outcomes: OutcomeSink;
  faults: FaultInjector;
  maxRetries: number;
  maxInRetry: number;
  deadLetter: (record: DeadLetterRecord, replayOf?: string) => void;
  /** A replayed dead letter was processed this time. */
  onReplayProcessed: (deadLetterId: string) => void;
}

/**
 * The workers' processing: per event, the quality ladder and buffer action recorded in the region's
 * live window, quality changes sent to the session's player, sessions marked as seen, and ingest →
 * processed latency. A failing event is handed to the failure handler (retry, alternative path,
 * dead letter) without holding up the rest of its batch; a failing store fails the whole batch,
 * which the bus redelivers and the region's breaker counts.
 */
export class EventProcessor {
  readonly handler: BatchHandler;
  private readonly failures: FailureHandler;

  constructor(private readonly options: EventProcessorOptions) {
    this.failures = new FailureHandler({
      maxRetries: options.maxRetries,
      maxInRetry: options.maxInRetry,
      retry: (item) => this.processRetry(item),
      alternative: (failure) => {
        this.processMinimal(failure.event, failure.region, failure.ingestedAt);
        if (failure.replayOf !== undefined) options.onReplayProcessed(failure.replayOf);
      },
      deadLetter: options.deadLetter,
      tally: options.hub,
    });
    // Synchronous, so the bus commits without a promise.
    this.handler = (batch) => {
      try {
        this.processBatch(batch);
      } catch (error) {
        options.outcomes.recordFailure(batch.region, error instanceof Error ? error.message : String(error), Date.now());
        throw error;
      }
      options.outcomes.recordSuccess(batch.region, Date.now());
    };
  }

  /** Dead-letters the retries still waiting (at shutdown); returns how many. */
  drainRetries(now: number): number {
    return this.failures.drain(now);
  }

  /** Tries the retries that are due now. */
  runDueRetries(now: number): void {
    this.failures.runDue(now);
  }

  private processBatch(batch: BusBatch): void {
    const { hub, store, faults } = this.options;
    const now = Date.now();
    // The store comes first: if it is down the batch fails whole, before anything is counted.
    faults.check("store", batch.region, now);
    // A redelivered or resent event (same event_id) is counted once, and its repeat is counted as such.
    // A replay is the exception: its event was seen, but never processed.
    const events = batch.replayOf === undefined ? store.keepFirstSightings(batch.events, now) : batch.events;
    if (events.length < batch.events.length) hub.addDuplicates(batch.region, batch.events.length - events.length);
    const window = hub.windowFor(batch.region);
    let outgoing: QualityCommand[] | null = null;
    let processed = 0;
    for (let i = 0; i < events.length; i++) {
      const event = events[i]!;
      try {
        faults.check("processor", batch.region, now);
        const change = decideQualityChange(event.quality, event.bitrate, event.bufferHealth);
        recordEventInWindow(window, event, decideBufferAction(event.bufferHealth), change ? change.reason : null);
        if (change && this.options.commands.isListening(event.sessionId)) {
          (outgoing ??= []).push({ sessionId: event.sessionId, from: change.from, to: change.to, reason: change.reason, at: now });
        }
        processed++;
        if (batch.replayOf !== undefined) this.options.onReplayProcessed(batch.replayOf);
      } catch (error) {
        this.failures.handle(
          { event, region: batch.region, component: "processor", ingestedAt: batch.ingestedAt, retryCount: 0, firstFailedAt: now, replayOf: batch.replayOf },
          error,
          now,
        );
      }
    }
    store.recordSessions(batch.region, events, now);
    window.latency.add(nowMs() - batch.ingestedAt, processed);
    hub.addProcessed(batch.region, processed);
    if (outgoing) this.deliver(outgoing, batch.region, now);
  }

  /** Commands that cannot be delivered are logged with their sessions; the events themselves were processed. */
  private deliver(commands: QualityCommand[], region: RegionId, now: number): void {
    try {
      this.options.faults.check("commands", region, now);
      this.options.commands.deliver(commands);
    } catch (error) {
      console.error(`[processor] ${commands.length} quality command(s) for ${region} could not be delivered: ${error instanceof Error ? error.message : String(error)}`);
    }
  }

  private processRetry(item: RetryItem): void {
    const now = Date.now();
    this.options.faults.check(item.component, item.region, now);
    const change = decideQualityChange(item.event.quality, item.event.bitrate, item.event.bufferHealth);
    this.recordOne(item.event, item.region, item.ingestedAt, change ? change.reason : null);
    if (change && this.options.commands.isListening(item.event.sessionId)) {
      this.deliver([{ sessionId: item.event.sessionId, from: change.from, to: change.to, reason: change.reason, at: now }], item.region, now);
    }
    if (item.replayOf !== undefined) this.options.onReplayProcessed(item.replayOf);
  }

  /** The minimal processor: counts the event and its buffer action, decides no quality change. */
  private processMinimal(event: ViewerEvent, region: RegionId, ingestedAt: number): void {
    this.recordOne(event, region, ingestedAt, null);
  }

  private recordOne(event: ViewerEvent, region: RegionId, ingestedAt: number, change: Parameters<typeof recordEventInWindow>[3]): void {
    const window = this.options.hub.windowFor(region);
    recordEventInWindow(window, event, decideBufferAction(event.bufferHealth), change);
    window.latency.add(nowMs() - ingestedAt, 1);
    this.options.store.recordSessions(region, [event], Date.now());
    this.options.hub.addProcessed(region, 1);
  }
}
