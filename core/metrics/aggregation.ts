import { EVENT_TYPES, NETWORK_TYPES, QUALITIES, type EventType, type NetworkType, type Quality, type ViewerEvent } from "../events/events";
import { BUFFER_ACTIONS, QUALITY_CHANGE_REASONS, type BufferAction, type QualityChangeReason } from "../experience/quality-ladder";
import { QuantileSketch } from "./quantile-sketch";

export type Counts<K extends string> = Record<K, number>;

/** Everything measured for one region (or overall) over one window; mutated in place on the hot path. */
export interface MetricsWindow {
  events: number;
  errors: number;
  bufferHealthSum: number;
  qualityChanges: number;
  quality: Counts<Quality>;
  network: Counts<NetworkType>;
  eventTypes: Counts<EventType>;
  bufferActions: Counts<BufferAction>;
  /** Quality changes decided, by reason; they sum to `qualityChanges`. */
  qualityDecisions: Counts<QualityChangeReason>;
  latency: QuantileSketch;
}

export interface LatencySummary {
  p50: number;
  p95: number;
  p99: number;
}

export interface WindowSummary {
  events: number;
  errors: number;
  eventsPerSecond: number;
  errorRatePercent: number;
  latencyMs: LatencySummary;
  avgBufferHealth: number;
  qualityChanges: number;
}

/** A zeroed count for every key, so the wire shape never depends on what was seen. */
export function createCounts<K extends string>(keys: readonly K[]): Counts<K> {
  const counts = {} as Counts<K>;
  for (const key of keys) counts[key] = 0;
  return counts;
}

/** An empty window. */
export function createMetricsWindow(): MetricsWindow {
  return {
    events: 0,
    errors: 0,
    bufferHealthSum: 0,
    qualityChanges: 0,
    quality: createCounts(QUALITIES),
    network: createCounts(NETWORK_TYPES),
    eventTypes: createCounts(EVENT_TYPES),
    bufferActions: createCounts(BUFFER_ACTIONS),
    qualityDecisions: createCounts(QUALITY_CHANGE_REASONS),
    latency: new QuantileSketch(),
  };
}

/** Counts one processed event: its type, quality, network, buffer, the buffer action and the quality change decided (if any). */
export function recordEventInWindow(
  window: MetricsWindow,
  event: ViewerEvent,
  action: BufferAction,
  change: QualityChangeReason | null,
): void {
  window.events++;
  if (event.eventType === "error") window.errors++;
  window.bufferHealthSum += event.bufferHealth;
  if (change !== null) {
    window.qualityChanges++;
    window.qualityDecisions[change]++;
  }
  window.quality[event.quality]++;
  window.network[event.networkType]++;
  window.eventTypes[event.eventType]++;
  window.bufferActions[action]++;
}

/** Adds every count of `source` into `target`. */
export function addCounts<K extends string>(target: Counts<K>, source: Counts<K>): void {
  for (const key in source) target[key] += source[key];
}

function zeroCounts<K extends string>(counts: Counts<K>): void {
  for (const key in counts) counts[key] = 0;
}

/** Adds every count and latency of `source` into `target`. */
export function mergeMetricsWindow(target: MetricsWindow, source: MetricsWindow): void {
  target.events += source.events;
  target.errors += source.errors;
  target.bufferHealthSum += source.bufferHealthSum;
  target.qualityChanges += source.qualityChanges;
  addCounts(target.quality, source.quality);
  addCounts(target.network, source.network);
  addCounts(target.eventTypes, source.eventTypes);
  addCounts(target.bufferActions, source.bufferActions);
  addCounts(target.qualityDecisions, source.qualityDecisions);
  target.latency.merge(source.latency);
}

/** Empties a window for reuse, so steady-state ticking allocates nothing. */
export function resetMetricsWindow(window: MetricsWindow): void {
  window.events = 0;
  window.errors = 0;
  window.bufferHealthSum = 0;
  window.qualityChanges = 0;
  zeroCounts(window.quality);
  zeroCounts(window.network);
  zeroCounts(window.eventTypes);
  zeroCounts(window.bufferActions);
  zeroCounts(window.qualityDecisions);
  window.latency.reset();
}

/** Rounds to `digits` decimals so the wire carries readable numbers. */
export function roundTo(value: number, digits: number): number {
  const factor = 10 ** digits;
  return Math.round(value * factor) / factor;
}

/** Rates over a window of `seconds`: events/s, error % of events, p50/p95/p99 latency, mean buffer; zeros when empty. */
export function summarizeMetricsWindow(window: MetricsWindow, seconds: number): WindowSummary {
  const events = window.events;
  return {
    events,
    errors: window.errors,
    eventsPerSecond: seconds > 0 ? roundTo(events / seconds, 1) : 0,
    errorRatePercent: events > 0 ? roundTo((window.errors / events) * 100, 2) : 0,
    latencyMs: {
      p50: roundTo(window.latency.quantile(0.5), 2),
      p95: roundTo(window.latency.quantile(0.95), 2),
      p99: roundTo(window.latency.quantile(0.99), 2),
    },
    avgBufferHealth: events > 0 ? roundTo(window.bufferHealthSum / events, 2) : 0,
    qualityChanges: window.qualityChanges,
  };
}
