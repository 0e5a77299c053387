import { recordEventInWindow } from "@/core/aggregation";
import type { QualityCommand } from "@/core/live-protocol";
import { decideBufferAction, decideQualityChange } from "@/core/quality-ladder";
import type { RegionId } from "@/core/regions";
import type { BatchHandler, BusBatch } from "../bus/event-bus";
import { nowMs } from "../clock";
import type { CommandSink } from "../socket/player-socket";
import type { LiveStore } from "../store/live-store";
import type { MetricsHub } from "./metrics-hub";

/** Told how each batch went, so a region's circuit breaker can open on repeated failures. */
export interface OutcomeSink {
  recordSuccess(region: RegionId, now: number): void;
  recordFailure(region: RegionId, error: string, now: number): void;
}

/**
 * The worker's batch handler: decides quality and buffer actions for every event, records them in
 * the region's live window, sends each quality change to its session's player, marks sessions as
 * seen, and measures ingest → processed latency; each batch's outcome feeds the region's breaker.
 * Synchronous, so the bus commits without a promise.
 */
export function createEventProcessor(hub: MetricsHub, store: LiveStore, commands: CommandSink, outcomes: OutcomeSink): BatchHandler {
  const process = createBatchProcessor(hub, store, commands);
  return (batch) => {
    try {
      process(batch);
    } catch (error) {
      outcomes.recordFailure(batch.region, error instanceof Error ? error.message : String(error), Date.now());
      throw error;
    }
    outcomes.recordSuccess(batch.region, Date.now());
  };
}

function createBatchProcessor(hub: MetricsHub, store: LiveStore, commands: CommandSink): (batch: BusBatch) => void {
  return (batch) => {
    const window = hub.windowFor(batch.region);
    // A redelivered or resent event (same event_id) is counted once, and its repeat is counted as such.
    const events = store.keepFirstSightings(batch.events, Date.now());
    if (events.length < batch.events.length) hub.addDuplicates(batch.events.length - events.length);
    let outgoing: QualityCommand[] | null = null;
    for (let i = 0; i < events.length; i++) {
      const event = events[i]!;
      const change = decideQualityChange(event.quality, event.bitrate, event.bufferHealth);
      recordEventInWindow(window, event, decideBufferAction(event.bufferHealth), change ? change.reason : null);
      if (change && commands.isListening(event.sessionId)) {
        (outgoing ??= []).push({ sessionId: event.sessionId, from: change.from, to: change.to, reason: change.reason, at: Date.now() });
      }
    }
    const processedAt = nowMs();
    store.recordSessions(batch.region, events, Date.now());
    window.latency.add(processedAt - batch.ingestedAt, events.length);
    hub.addProcessed(batch.region, events.length);
    if (outgoing) commands.deliver(outgoing);
  };
}
