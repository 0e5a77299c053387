import { describe, expect, it } from "vitest";
import { createMetricsWindow, mergeMetricsWindow, recordEventInWindow, resetMetricsWindow, summarizeMetricsWindow } from "./aggregation";
import type { ViewerEvent } from "../events/events";
import { buildTestEvent } from "../events/test-events";

function makeEvent(overrides: Partial<ViewerEvent> = {}): ViewerEvent {
  return buildTestEvent({ networkType: "5G", ...overrides });
}

describe("metrics window", () => {
  it("counts events, errors, distributions, buffer actions and quality changes", () => {
    const w = createMetricsWindow();
    recordEventInWindow(w, makeEvent({ bufferHealth: 4 }), "maintain_current", null);
    recordEventInWindow(
      w,
      makeEvent({ eventType: "error", quality: "4K", networkType: "WiFi", bufferHealth: 0.5 }),
      "emergency_buffer",
      "buffer_health",
    );
    recordEventInWindow(w, makeEvent({ eventType: "buffer", bufferHealth: 1.5 }), "preventive_buffer", "buffer_health");
    recordEventInWindow(w, makeEvent({ quality: "360p", bufferHealth: 12 }), "optimize_bandwidth", null);

    expect(w.events).toBe(4);
    expect(w.errors).toBe(1);
    expect(w.qualityChanges).toBe(2);
    expect(w.quality).toEqual({ "360p": 1, "480p": 0, "720p": 2, "1080p": 0, "4K": 1 });
    expect(w.network).toEqual({ "4G": 0, "5G": 3, WiFi: 1, broadband: 0 });
    expect(w.eventTypes).toEqual({ play: 2, pause: 0, quality_change: 0, buffer: 1, error: 1 });
    expect(w.bufferActions).toEqual({ emergency_buffer: 1, preventive_buffer: 1, maintain_current: 1, optimize_bandwidth: 1 });
    expect(w.qualityDecisions).toEqual({ buffer_health: 2, bandwidth_insufficient: 0, bandwidth_headroom: 0 });
    expect(w.bufferHealthSum).toBe(18);
  });

  it("summarises rates over the window length", () => {
    const w = createMetricsWindow();
    for (let i = 0; i < 8; i++)
      recordEventInWindow(w, makeEvent({ bufferHealth: 5 }), "maintain_current", i < 3 ? "bandwidth_headroom" : null);
    recordEventInWindow(w, makeEvent({ eventType: "error", bufferHealth: 2 }), "preventive_buffer", null);
    recordEventInWindow(w, makeEvent({ eventType: "error", bufferHealth: 2 }), "preventive_buffer", null);
    w.latency.add(10, 10);

    expect(summarizeMetricsWindow(w, 2)).toEqual({
      events: 10,
      errors: 2,
      eventsPerSecond: 5,
      errorRatePercent: 20,
      latencyMs: { p50: 10, p95: 10, p99: 10 },
      avgBufferHealth: 4.4,
      qualityChanges: 3,
    });
  });

  it("summarises an empty window as zeros, not NaN", () => {
    expect(summarizeMetricsWindow(createMetricsWindow(), 1)).toEqual({
      events: 0,
      errors: 0,
      eventsPerSecond: 0,
      errorRatePercent: 0,
      latencyMs: { p50: 0, p95: 0, p99: 0 },
      avgBufferHealth: 0,
      qualityChanges: 0,
    });
  });

  it("merges windows by adding every count and latency", () => {
    const a = createMetricsWindow();
    const b = createMetricsWindow();
    recordEventInWindow(a, makeEvent(), "maintain_current", null);
    recordEventInWindow(b, makeEvent({ eventType: "error", quality: "1080p" }), "maintain_current", "bandwidth_insufficient");
    a.latency.add(1);
    b.latency.add(3, 2);
    mergeMetricsWindow(a, b);
    expect(a.events).toBe(2);
    expect(a.errors).toBe(1);
    expect(a.qualityChanges).toBe(1);
    expect(a.quality["1080p"]).toBe(1);
    expect(a.quality["720p"]).toBe(1);
    expect(a.qualityDecisions.bandwidth_insufficient).toBe(1);
    expect(a.latency.count).toBe(3);
  });

  it("resets to an empty window", () => {
    const w = createMetricsWindow();
    recordEventInWindow(w, makeEvent(), "maintain_current", "buffer_health");
    w.latency.add(5);
    resetMetricsWindow(w);
    expect(summarizeMetricsWindow(w, 1).events).toBe(0);
    expect(w.quality["720p"]).toBe(0);
    expect(w.qualityDecisions.buffer_health).toBe(0);
    expect(w.latency.count).toBe(0);
  });
});
