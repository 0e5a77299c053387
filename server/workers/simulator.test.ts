import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { EVENT_TYPES, NETWORK_TYPES, QUALITIES, parseViewerEvent, toWireEvent, type ViewerEvent } from "@/core/events/events";
import { TrafficSimulator, startSimulator, type SimulatorOptions } from "./simulator";

const NOW = 1_764_000_000_000;
/** Far enough away that no test below reaches the surge unless it asks to. */
const NO_SURGE = { surgeAtSeconds: 1_000_000, surgeSeconds: 60, surgeFactor: 1.5 };

function createSimulator(overrides: Partial<SimulatorOptions> = {}): TrafficSimulator {
  return new TrafficSimulator({
    viewers: 600,
    heartbeatSeconds: 5,
    ticksPerSecond: 4,
    errorPercent: 5,
    seed: 42,
    ...NO_SURGE,
    ...overrides,
  });
}

/** `calls` consecutive slices at a fixed point in the evening, concatenated. */
function collect(sim: TrafficSimulator, calls: number, elapsedSeconds = 10): ViewerEvent[] {
  const events: ViewerEvent[] = [];
  for (let i = 0; i < calls; i++) events.push(...sim.nextEvents(elapsedSeconds, NOW + i));
  return events;
}

function sessionIdsOf(count: number): string[] {
  return Array.from({ length: count }, (_, i) => `sim-${i.toString(36)}`).sort();
}

/** The wire form of SPEC section 1 that ingest validates. */
// The error table of SPEC section 4 as the simulator reports it.
const KNOWN_ERRORS = new Map([
  ["E_TIMEOUT", "segment fetch timeout after 10s"],
  ["E_NETWORK", "network unreachable"],
  ["E_TEMP", "temporary CDN edge failure"],
  ["E_RATE", "rate_limit exceeded on manifest"],
  ["E_ACCOUNT", "invalid_account: subscription expired"],
  ["E_FUNDS", "insufficient_funds for pay-per-view"],
  ["E_BLOCKED", "blocked_user"],
  ["E_DB", "database_corruption in session store"],
  ["E_SYS", "system_failure in packager"],
  ["E_LOSS", "data_loss on segment upload"],
]);

describe("TrafficSimulator heartbeats", () => {
  it("sends exactly one heartbeat per viewer over heartbeatSeconds × ticksPerSecond slices", () => {
    const sim = createSimulator({ viewers: 600, heartbeatSeconds: 5, ticksPerSecond: 4 });

    for (let period = 0; period < 3; period++) {
      const events = collect(sim, 5 * 4);
      expect(events.length).toBe(600);
      expect(events.map((e) => e.sessionId).sort()).toEqual(sessionIdsOf(600));
    }
  });

  it("covers each session exactly once in any run of that many consecutive slices, not only from the first", () => {
    const sim = createSimulator({ viewers: 250, heartbeatSeconds: 3, ticksPerSecond: 10 });
    collect(sim, 7);

    const events = collect(sim, 30);
    expect(events.length).toBe(250);
    expect(events.map((e) => e.sessionId).sort()).toEqual(sessionIdsOf(250));
  });

  it("spreads a heartbeat period's viewers evenly over its slices", () => {
    const sim = createSimulator({ viewers: 600, heartbeatSeconds: 5, ticksPerSecond: 4 });
    const sizes = Array.from({ length: 20 }, (_, i) => sim.nextEvents(10, NOW + i).length);
    expect(sizes).toEqual(Array<number>(20).fill(30));
  });

  it("uses 10 slices per second when ticksPerSecond is not given", () => {
    const sim = createSimulator({ viewers: 45, heartbeatSeconds: 2, ticksPerSecond: undefined });
    const sizes = Array.from({ length: 20 }, (_, i) => sim.nextEvents(10, NOW + i).length);
    expect(sizes).toEqual([3, 3, 3, 3, 3, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2]);
    expect(sizes.reduce((a, b) => a + b, 0)).toBe(45);
  });

  it("gives every event a unique id and keeps a viewer's user, device and session stable", () => {
    const sim = createSimulator({ viewers: 100 });
    const events = collect(sim, 20 * 3);

    expect(new Set(events.map((e) => e.eventId)).size).toBe(events.length);
    const identity = new Map<string, string>();
    for (const e of events) {
      const key = `${e.userId}|${e.deviceId}|${e.location}|${e.networkType}`;
      expect(identity.get(e.sessionId) ?? key).toBe(key);
      identity.set(e.sessionId, key);
    }
    expect(identity.size).toBe(100);
  });

  it("replays the same evening for the same seed, and a different one for another seed", () => {
    const a = collect(createSimulator({ seed: 7 }), 20);
    const b = collect(createSimulator({ seed: 7 }), 20);
    const c = collect(createSimulator({ seed: 8 }), 20);

    expect(a).toEqual(b);
    expect(c).not.toEqual(a);
  });
});

describe("TrafficSimulator events", () => {
  const sim = createSimulator({ viewers: 500, errorPercent: 5 });
  const events = collect(sim, 20 * 20);

  it("produces events that pass the wire validation of ingest unchanged", () => {
    expect(events.length).toBe(500 * 20);
    const parsed = events.map((event) => parseViewerEvent(toWireEvent(event)));
    expect(parsed.filter((p) => !p.ok)).toEqual([]);
    expect(parsed).toEqual(events.map((event) => ({ ok: true, event })));
  });

  it("only uses known qualities, networks and event types, with whole kbps and buffers of 0 to 30 s", () => {
    const outOfRange = events.filter(
      (e) =>
        !QUALITIES.includes(e.quality) ||
        !NETWORK_TYPES.includes(e.networkType) ||
        !EVENT_TYPES.includes(e.eventType) ||
        !Number.isInteger(e.bitrate) ||
        e.bitrate < 300 ||
        !(e.bufferHealth >= 0 && e.bufferHealth <= 30) ||
        e.priority !== 5 ||
        e.contentId !== "ipl-final-2026" ||
        e.contentType !== "live_match",
    );
    expect(outOfRange).toEqual([]);
    // Over 10,000 heartbeats every event type, quality and network shows up.
    expect(new Set(events.map((e) => e.eventType))).toEqual(new Set(EVENT_TYPES));
    expect(new Set(events.map((e) => e.quality))).toEqual(new Set(QUALITIES));
    expect(new Set(events.map((e) => e.networkType))).toEqual(new Set(NETWORK_TYPES));
  });

  it("stamps events with the given time and the configured content id", () => {
    const custom = createSimulator({ viewers: 10, contentId: "semi-final" });
    const batch = custom.nextEvents(1, NOW + 123);
    expect(batch.length).toBeGreaterThan(0);
    expect(batch.map((e) => [e.timestamp, e.contentId])).toEqual(batch.map(() => [NOW + 123, "semi-final"]));
  });

  it("gives error events an errorCode and errorMessage from the error table, and other events neither", () => {
    const errors = events.filter((e) => e.eventType === "error");
    expect(errors.length).toBeGreaterThan(0);
    expect(errors.filter((e) => KNOWN_ERRORS.get(e.errorCode ?? "") !== e.errorMessage)).toEqual([]);
    const others = events.filter((e) => e.eventType !== "error");
    expect(others.filter((e) => "errorCode" in e || "errorMessage" in e)).toEqual([]);
  });

  it("makes errors errorPercent of heartbeats, within 0.5 percentage points over 10,000 of them", () => {
    const share = (events.filter((e) => e.eventType === "error").length / events.length) * 100;
    expect(Math.abs(share - 5)).toBeLessThanOrEqual(0.5);
  });

  it("sends no errors at errorPercent 0", () => {
    const quiet = collect(createSimulator({ viewers: 300, errorPercent: 0 }), 20 * 5);
    expect(quiet.filter((e) => e.eventType === "error")).toEqual([]);
  });
});

describe("TrafficSimulator surge", () => {
  it("ramps active viewers up to viewers × surgeFactor over the surge and back down after", () => {
    const sim = createSimulator({ viewers: 1000, surgeAtSeconds: 100, surgeSeconds: 60, surgeFactor: 1.5 });
    const at = (seconds: number) => sim.activeViewers(seconds);

    expect([0, 99, 100].map(at)).toEqual([1000, 1000, 1000]);
    // A ramp of half the surge, capped at 15 s, up; a plateau; the same ramp down.
    expect([103, 107.5, 115, 130, 145].map(at)).toEqual([1100, 1250, 1500, 1500, 1500]);
    expect([152.5, 157, 160, 161, 1000].map(at)).toEqual([1250, 1100, 1000, 1000, 1000]);
  });

  it("ramps over half the surge when it lasts under 30 s", () => {
    const sim = createSimulator({ viewers: 1000, surgeAtSeconds: 10, surgeSeconds: 10, surgeFactor: 2 });
    expect([10, 12.5, 15, 17.5, 20, 21].map((s) => sim.activeViewers(s))).toEqual([1000, 1500, 2000, 1500, 1000, 1000]);
  });

  it("has no surge with surgeSeconds 0 or surgeFactor 1", () => {
    const none = createSimulator({ viewers: 1000, surgeAtSeconds: 10, surgeSeconds: 0, surgeFactor: 2 });
    const flat = createSimulator({ viewers: 1000, surgeAtSeconds: 10, surgeSeconds: 60, surgeFactor: 1 });
    expect([10, 20, 40].map((s) => none.activeViewers(s))).toEqual([1000, 1000, 1000]);
    expect([10, 30, 60].map((s) => flat.activeViewers(s))).toEqual([1000, 1000, 1000]);
  });

  it("sends heartbeats for the surge audience during the surge, and only the base audience after it", () => {
    const sim = createSimulator({
      viewers: 600,
      heartbeatSeconds: 5,
      ticksPerSecond: 4,
      surgeAtSeconds: 100,
      surgeSeconds: 60,
      surgeFactor: 1.5,
    });

    const during = collect(sim, 20, 130);
    expect(during.length).toBe(900);
    expect(during.map((e) => e.sessionId).sort()).toEqual(sessionIdsOf(900));

    const after = collect(sim, 20, 200);
    expect(after.length).toBe(600);
    expect(after.map((e) => e.sessionId).sort()).toEqual(sessionIdsOf(600));
  });

  it("doubles the error share during the surge", () => {
    const sim = createSimulator({ viewers: 500, errorPercent: 5, surgeAtSeconds: 100, surgeSeconds: 60, surgeFactor: 1.2 });
    const surge = collect(sim, 20 * 20, 130);
    expect(surge.length).toBe(600 * 20);
    const share = (surge.filter((e) => e.eventType === "error").length / surge.length) * 100;
    expect(Math.abs(share - 10)).toBeLessThanOrEqual(0.75);
  });

  it("reports its configuration in health()", () => {
    expect(createSimulator({ viewers: 600, heartbeatSeconds: 5 }).health()).toEqual({
      status: "up",
      detail: "600 viewers, heartbeat every 5 s",
    });
  });
});

describe("startSimulator", () => {
  beforeEach(() => {
    vi.useFakeTimers({ now: NOW });
  });

  afterEach(() => {
    vi.useRealTimers();
  });

  /** An ingest that records batches; while hold(true) is on, calls wait until the test releases them. */
  function fakeIngest() {
    const batches: ViewerEvent[][] = [];
    const held: Array<() => void> = [];
    let holdNext = false;
    let failWith: Error | null = null;
    const ingest = vi.fn(async (events: ViewerEvent[]) => {
      batches.push(events);
      if (holdNext) await new Promise<void>((resolve) => held.push(resolve));
      if (failWith) throw failWith;
    });
    return {
      ingest,
      batches,
      hold(on: boolean) {
        holdNext = on;
      },
      releaseAll() {
        for (const release of held.splice(0)) release();
      },
      fail(error: Error | null) {
        failWith = error;
      },
    };
  }

  it("ingests ticksPerSecond slices a second by the clock, so each viewer's heartbeat arrives once per period", async () => {
    const sim = createSimulator({ viewers: 200, heartbeatSeconds: 2, ticksPerSecond: 10 });
    const fake = fakeIngest();
    const running = startSimulator(sim, fake.ingest, { ticksPerSecond: 10, log: () => {} });

    await vi.advanceTimersByTimeAsync(2000);
    await running.stop();

    expect(fake.batches.map((b) => b.length)).toEqual(Array<number>(20).fill(10));
    expect(
      fake.batches
        .flat()
        .map((e) => e.sessionId)
        .sort(),
    ).toEqual(sessionIdsOf(200));
    expect(fake.batches[0]!.every((e) => e.timestamp === NOW + 100)).toBe(true);
    expect(fake.batches[19]!.every((e) => e.timestamp === NOW + 2000)).toBe(true);
  });

  it("waits for a slow ingest and then catches up at most one second of slices in one batch", async () => {
    const sim = createSimulator({ viewers: 100, heartbeatSeconds: 1, ticksPerSecond: 10 });
    const fake = fakeIngest();
    const running = startSimulator(sim, fake.ingest, { ticksPerSecond: 10, log: () => {} });

    fake.hold(true);
    await vi.advanceTimersByTimeAsync(100); // slice 1 goes out and stalls
    await vi.advanceTimersByTimeAsync(3000); // 30 ticks pass while it is in flight
    expect(fake.batches.map((b) => b.length)).toEqual([10]);

    fake.hold(false);
    fake.releaseAll();
    await vi.advanceTimersByTimeAsync(100); // at 3.2 s: 32 slices due; only the last 10 are sent
    expect(fake.batches.map((b) => b.length)).toEqual([10, 100]);
    // The catch-up second still carries every viewer exactly once.
    expect(fake.batches[1]!.map((e) => e.sessionId).sort()).toEqual(sessionIdsOf(100));

    await vi.advanceTimersByTimeAsync(100);
    expect(fake.batches.map((b) => b.length)).toEqual([10, 100, 10]);
    await running.stop();
  });

  it("reports an ingest failure in health() and logs it, until an ingest succeeds again", async () => {
    const sim = createSimulator({ viewers: 100, heartbeatSeconds: 1, ticksPerSecond: 10 });
    const fake = fakeIngest();
    const log = vi.fn();
    const running = startSimulator(sim, fake.ingest, { ticksPerSecond: 10, log });

    expect(running.health()).toEqual({ status: "up", detail: "100 viewers, heartbeat every 1 s" });
    fake.fail(new Error("The event bus is shut down; events were not accepted."));
    await vi.advanceTimersByTimeAsync(100);
    expect(running.health()).toEqual({ status: "down", detail: "The event bus is shut down; events were not accepted." });
    expect(log.mock.calls).toEqual([["[simulator] could not ingest 10 event(s): The event bus is shut down; events were not accepted."]]);

    fake.fail(null);
    await vi.advanceTimersByTimeAsync(100);
    expect(running.health()).toEqual({ status: "up", detail: "100 viewers, heartbeat every 1 s" });
    await running.stop();
  });

  it("stop() waits for the ingest in flight and sends nothing afterwards", async () => {
    const sim = createSimulator({ viewers: 100, heartbeatSeconds: 1, ticksPerSecond: 10 });
    const fake = fakeIngest();
    const running = startSimulator(sim, fake.ingest, { ticksPerSecond: 10, log: () => {} });

    fake.hold(true);
    await vi.advanceTimersByTimeAsync(100);
    let stopped = false;
    const stopping = running.stop().then(() => (stopped = true));
    await vi.advanceTimersByTimeAsync(500);
    expect(stopped).toBe(false);

    fake.releaseAll();
    await stopping;
    await vi.advanceTimersByTimeAsync(5000);
    expect(fake.ingest).toHaveBeenCalledTimes(1);
  });
});
