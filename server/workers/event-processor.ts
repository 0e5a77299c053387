import { createMetricsWindow, mergeMetricsWindow, recordEventInWindow, resetMetricsWindow } from "@/core/metrics/aggregation";
import type { ViewerEvent } from "@/core/events/events";
import type { QualityCommand } from "@/core/live/live-protocol";
import { positionOf } from "@/core/events/event-pack";
import { decideBufferAction, decideQualityChange } from "@/core/experience/quality-ladder";
import type { RegionId } from "@/core/routing/regions";
import type { BatchHandler, BusBatch, MessageTally } from "../bus/event-bus";
import type { RetryBatch } from "../bus/kafka/retry-topic";
import { nowMs } from "../clock";
import type { CommandSink } from "../socket/player-socket";
import { AppError, messageOf } from "../errors";
import type { BatchOrigin, LiveStore } from "../store/live-store";
import type { RedisLedger } from "../store/redis-ledger";
import { diffCounters, flattenRegionCounters } from "./engine-counters";
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
  /**
   * The shared books of a durable bus: each batch's counts are settled there together with its
   * partition's position, so a batch redelivered after a crash or a rebalance is counted once.
   */
  ledger?: RedisLedger | null;
  /** Where a durable bus keeps retries and dead letters (its retry and DLQ topics); set with `ledger`. */
  durable?: DurableOutlets | null;
}

/** Unwinds a batch pass back to its checkpoint, once a pass that asked for a restore has ended. */
class CheckpointRestore extends Error {
  constructor() {
    super("restoring the batch from its checkpoint");
  }
}

/** What a batch produced besides counts. */
export interface Outbox {
  retries: RetryItem[];
  deadLetters: DeadLetterRecord[];
}

export interface DurableOutlets {
  /** Makes the outbox durable (acks=all) before the batch is settled. */
  flush(outbox: Outbox): Promise<void>;
}

/** The offsets of `kept` (a subsequence of `all`), for naming each kept event's message. */
function offsetsOf(kept: readonly ViewerEvent[], all: readonly ViewerEvent[], offsets: readonly number[]): number[] {
  const result: number[] = [];
  let j = 0;
  for (let i = 0; i < all.length && j < kept.length; i++) {
    if (all[i] === kept[j]) {
      result.push(offsets[i]!);
      j++;
    }
  }
  return result;
}

/** Ledger counter of an events partition: valid events read from it (duplicates included). */
export const CONSUMED_COUNTER = "consumed";
/** Ledger counter of an events partition: events on it that were not valid events, or expired unread. */
export const SKIPPED_COUNTER = "skipped";

/**
 * Events in offsets [from, next) that held no valid event: invalid ones, and one per offset with no
 * message at all (expired before it was read; how many events it packed is unknown).
 */
function countSkipped(messages: readonly MessageTally[], from: number, next: number): number {
  let invalid = 0;
  let present = 0;
  for (const message of messages) {
    if (message.offset < from || message.offset >= next) continue;
    invalid += message.invalid;
    present++;
  }
  return invalid + (next - from - present);
}

/** The ledger source of an events partition; dedup marks use it too, so both name a message the same way. */
export function ledgerSourceOf(region: RegionId, partition: number): string {
  return `events.${region}/${partition}`;
}

/** The ledger source of a retry-topic partition. */
export function retrySourceOf(region: RegionId, partition: number): string {
  return `retry.${region}/${partition}`;
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
  /** Retries and dead letters of the batch being processed, released only when it succeeds. */
  private outbox: Outbox | null = null;
  /** The region whose batch is being processed right now, so a CATASTROPHIC failure can roll it back. */
  private pass: RegionId | null = null;
  /** Where a pass records; merged into the region's live window only when the pass succeeds. */
  private readonly scratch = createMetricsWindow();
  /** Restores from the checkpoint each event has caused so far; cleared once its batch succeeds. */
  private readonly restores = new Map<string, number>();
  /** Set by a CATASTROPHIC failure during a pass: the pass is rolled back once it has seen every event. */
  private restoreRequested = false;
  /** Rollbacks of the batch being processed: its own budget, so passes stay bounded when failures are random. */
  private batchRestores = 0;
  private readonly durable: DurableOutlets | null;

  constructor(private readonly options: EventProcessorOptions) {
    this.failures = new FailureHandler({
      maxRetries: options.maxRetries,
      maxInRetry: options.maxInRetry,
      retry: (item) => this.processRetry(item),
      alternative: (failure) => {
        this.processMinimal(failure.event, failure.region, failure.ingestedAt);
        if (failure.replayOf !== undefined) options.onReplayProcessed(failure.replayOf);
      },
      // Within a batch, new dead letters and retries wait in its outbox until the batch succeeds;
      // a replay's new failure is an update of its entry.
      deadLetter: (record, replayOf) => {
        if (this.outbox && replayOf === undefined) this.outbox.deadLetters.push(record);
        else options.deadLetter(record, replayOf);
      },
      schedule: (item) => {
        if (this.outbox) this.outbox.retries.push(item);
        else this.failures.enqueue(item);
      },
      // The pass goes on to its end, so every event failing CATASTROPHICALLY in it counts this
      // restore; and a batch is rolled back at most the retry budget's times, whichever events fail.
      restore: (failure) => {
        if (this.pass !== failure.region || this.batchRestores >= options.maxRetries) return false;
        this.restores.set(failure.event.eventId, failure.retryCount + 1);
        this.restoreRequested = true;
        return true;
      },
      tally: options.hub,
    });
    this.durable = options.durable ?? null;
    // Synchronous in memory, so the in-process bus commits without a promise; a promise with Redis.
    this.handler = (batch) => {
      const fail = (error: unknown) => options.outcomes.recordFailure(batch.region, messageOf(error), Date.now());
      let result: void | Promise<void>;
      try {
        result = this.processBatch(batch);
      } catch (error) {
        fail(error);
        throw error;
      }
      if (!result) {
        options.outcomes.recordSuccess(batch.region, Date.now());
        return;
      }
      return result.then(
        () => options.outcomes.recordSuccess(batch.region, Date.now()),
        (error: unknown) => {
          fail(error);
          throw error;
        },
      );
    };
  }

  /** Dead-letters the retries still waiting in memory (at shutdown); returns how many. */
  drainRetries(now: number): number {
    return this.failures.drain(now);
  }

  /** Tries the in-memory retries that are due now (a durable bus keeps them in its retry topics instead). */
  runDueRetries(now: number): void {
    this.failures.runDue(now);
  }

  /**
   * Retries taken back from a retry topic: each is tried once more, and the outcome (processed,
   * retried again, dead-lettered) is settled in the ledger with the retry partition's position.
   */
  async processRetryBatch(batch: RetryBatch): Promise<void> {
    const { ledger, hub } = this.options;
    const durable = this.durable;
    if (!ledger || !durable) throw new AppError("internal", "Retry topics need the durable bus and its ledger.");
    const source = retrySourceOf(batch.region, batch.partition);
    const from = await ledger.position(source);
    if (from >= batch.nextOffset) return;
    const now = Date.now();
    const before = flattenRegionCounters(hub.regionCounters(batch.region));
    const outbox = this.openOutbox();
    try {
      batch.items.forEach((item, i) => {
        if (batch.offsets[i]! >= from) this.failures.runOne(item, now);
      });
    } finally {
      this.outbox = null;
    }
    // Taken before any await: other partitions of the region count into the same hub meanwhile.
    const delta = diffCounters(before, flattenRegionCounters(hub.regionCounters(batch.region)));
    await durable.flush(outbox);
    await ledger.settle(source, from, batch.nextOffset, delta);
  }

  private openOutbox(): Outbox {
    this.outbox = { retries: [], deadLetters: [] };
    return this.outbox;
  }

  private processBatch(batch: BusBatch): void | Promise<void> {
    const { store, faults, ledger } = this.options;
    const now = Date.now();
    // The store comes first: if it is down the batch fails whole, before anything is counted.
    faults.check("store", batch.region, now);
    if (ledger && batch.offsets && batch.messages && batch.nextOffset !== undefined) return this.processDurableBatch(batch, ledger, now);
    // A redelivered or resent event (same event_id) is counted once, and its repeat is counted as such.
    // A replay is the exception: its event was seen, but never processed.
    const events = batch.replayOf === undefined ? store.keepFirstSightings(batch.events, now) : batch.events;
    if (events instanceof Promise) return events.then((fresh) => this.release(this.processEvents(batch, batch.events.length, fresh, now)));
    this.release(this.processEvents(batch, batch.events.length, events, now));
  }

  /** Hands a successful batch's retries to the in-memory queue and its dead letters to the writer. */
  private release(outbox: Outbox): void {
    for (const item of outbox.retries) this.failures.enqueue(item);
    for (const record of outbox.deadLetters) this.options.deadLetter(record);
  }

  /**
   * A batch of a durable bus: offsets the ledger already counted are skipped, and the batch's counts
   * are settled with its position, so a redelivery after a crash or a rebalance is counted once.
   */
  private async processDurableBatch(batch: BusBatch, ledger: RedisLedger, now: number): Promise<void> {
    const { hub, store } = this.options;
    const source = ledgerSourceOf(batch.region, batch.partition);
    const nextOffset = batch.nextOffset!;
    const from = await ledger.position(source);
    if (from >= nextOffset) return;
    let incoming = batch.events;
    let offsets = batch.offsets!;
    if (from > batch.baseOffset) {
      const first = positionOf(from, 0);
      const start = offsets.findIndex((position) => position >= first);
      incoming = start === -1 ? [] : incoming.slice(start);
      offsets = start === -1 ? [] : offsets.slice(start);
    }
    const events = batch.replayOf === undefined ? await store.keepFirstSightings(incoming, now, { source, offsets }) : incoming;
    const before = flattenRegionCounters(hub.regionCounters(batch.region));
    const outbox = this.processEvents(batch, incoming.length, events, now, {
      source,
      offsets: events === incoming ? offsets : offsetsOf(events, incoming, offsets),
    });
    // Taken before any await: other partitions of the region count into the same hub meanwhile.
    const delta = diffCounters(before, flattenRegionCounters(hub.regionCounters(batch.region)));
    // Retries and dead letters are durable before the batch counts as done, so a crash loses neither.
    await this.durable!.flush(outbox);
    delta[CONSUMED_COUNTER] = incoming.length;
    const skipped = countSkipped(batch.messages!, from, nextOffset);
    if (skipped > 0) delta[SKIPPED_COUNTER] = skipped;
    await ledger.settle(source, from, nextOffset, delta);
  }

  /**
   * The synchronous part of a batch: nothing else runs between its first and last count. A
   * CATASTROPHIC failure rolls the batch back to the checkpoint it started from (counters, live
   * window, retries and dead letters it produced) and processes it again; an event still failing
   * after the retry budget's restores is dead-lettered. Returns what the batch produced.
   */
  private processEvents(batch: BusBatch, incoming: number, events: readonly ViewerEvent[], now: number, origin?: BatchOrigin): Outbox {
    const { hub } = this.options;
    if (events.length < incoming) hub.addDuplicates(batch.region, incoming - events.length);
    this.batchRestores = 0;
    for (;;) {
      const checkpoint = hub.regionCounters(batch.region);
      const outbox = this.openOutbox();
      this.pass = batch.region;
      try {
        this.processPass(batch, events, now, origin);
        mergeMetricsWindow(hub.windowFor(batch.region), this.scratch);
        if (this.restores.size > 0) for (const event of events) this.restores.delete(event.eventId);
        return outbox;
      } catch (error) {
        if (!(error instanceof CheckpointRestore)) throw error;
        hub.restoreRegionCounters(batch.region, checkpoint);
        hub.addFailure(batch.region, "CATASTROPHIC");
        this.batchRestores++;
      } finally {
        resetMetricsWindow(this.scratch);
        this.pass = null;
        this.outbox = null;
      }
    }
  }

  private processPass(batch: BusBatch, events: readonly ViewerEvent[], now: number, origin?: BatchOrigin): void {
    const { hub, store, faults } = this.options;
    const window = this.scratch;
    let outgoing: QualityCommand[] | null = null;
    let processed = 0;
    this.restoreRequested = false;
    for (let i = 0; i < events.length; i++) {
      const event = events[i]!;
      try {
        faults.check("processor", batch.region, now, event.eventId);
        const change = decideQualityChange(event.quality, event.bitrate, event.bufferHealth);
        recordEventInWindow(window, event, decideBufferAction(event.bufferHealth), change ? change.reason : null);
        if (change && this.options.commands.isListening(event.sessionId)) {
          (outgoing ??= []).push({ sessionId: event.sessionId, from: change.from, to: change.to, reason: change.reason, at: now });
        }
        processed++;
        if (batch.replayOf !== undefined) this.options.onReplayProcessed(batch.replayOf);
      } catch (error) {
        this.failures.handle(
          {
            event,
            region: batch.region,
            component: "processor",
            ingestedAt: batch.ingestedAt,
            retryCount: this.restores.get(event.eventId) ?? 0,
            firstFailedAt: now,
            replayOf: batch.replayOf,
            origin: origin ? `${origin.source}@${origin.offsets[i]}` : undefined,
          },
          error,
          now,
        );
      }
    }
    if (this.restoreRequested) throw new CheckpointRestore();
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
      console.error(`[processor] ${commands.length} quality command(s) for ${region} could not be delivered: ${messageOf(error)}`);
    }
  }

  private processRetry(item: RetryItem): void {
    const now = Date.now();
    this.options.faults.check(item.component, item.region, now, item.event.eventId);
    const change = decideQualityChange(item.event.quality, item.event.bitrate, item.event.bufferHealth);
    this.recordOne(item.event, item.region, item.ingestedAt, change ? change.reason : null);
    if (change && this.options.commands.isListening(item.event.sessionId)) {
      this.deliver(
        [{ sessionId: item.event.sessionId, from: change.from, to: change.to, reason: change.reason, at: now }],
        item.region,
        now,
      );
    }
    if (item.replayOf !== undefined) this.options.onReplayProcessed(item.replayOf);
  }

  /** The minimal processor: counts the event and its buffer action, decides no quality change. */
  private processMinimal(event: ViewerEvent, region: RegionId, ingestedAt: number): void {
    this.recordOne(event, region, ingestedAt, null);
  }

  private recordOne(event: ViewerEvent, region: RegionId, ingestedAt: number, change: Parameters<typeof recordEventInWindow>[3]): void {
    const window = this.pass === region ? this.scratch : this.options.hub.windowFor(region);
    recordEventInWindow(window, event, decideBufferAction(event.bufferHealth), change);
    window.latency.add(nowMs() - ingestedAt, 1);
    // Within a pass the batch's sessions are recorded once it succeeds; a rolled-back pass records none.
    if (this.pass !== region) this.options.store.recordSessions(region, [event], Date.now());
    this.options.hub.addProcessed(region, 1);
  }
}
