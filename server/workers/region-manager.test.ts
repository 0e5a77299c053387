import { describe, expect, it } from "vitest";
import { DEFAULT_HEALTH_POLICY } from "@/core/routing/health-check";
import { REGION_IDS, type RegionId } from "@/core/routing/regions";
import { RegionManager, type RegionChange, type RegionMeasurement } from "./region-manager";

const T0 = 1_764_000_000_000;
const pune = { location: "Pune" };
const calm: RegionMeasurement = { events: 1_000, p95LatencyMs: 5, errorRatePercent: 1 };

function createManager(failbackHoldMs = 60_000): { manager: RegionManager; changes: RegionChange[] } {
  const changes: RegionChange[] = [];
  const policy = { ...DEFAULT_HEALTH_POLICY, failbackHoldMs };
  const manager = new RegionManager({ strategy: "proximity", policy, onChange: (c) => changes.push(c) });
  return { manager, changes };
}

function measurements(overrides: Partial<Record<RegionId, RegionMeasurement>> = {}): Map<RegionId, RegionMeasurement> {
  return new Map(REGION_IDS.map((id) => [id, overrides[id] ?? calm]));
}

const noViewers = new Map<RegionId, number>();

describe("RegionManager routing", () => {
  it("routes by proximity while every region is healthy, with no spillover", () => {
    const { manager } = createManager();
    expect(manager.route(pune)).toBe("pune");
    expect(manager.takeFlows().spilledOutOf("pune").events).toBe(0);
  });

  it("spills a failed-over region's events to its lowest-latency active neighbour and counts both ends", () => {
    const { manager, changes } = createManager();
    manager.failover("pune", "maintenance", T0);
    expect(manager.route(pune)).toBe("mumbai");
    expect(manager.route(pune)).toBe("mumbai");
    const flows = manager.takeFlows();
    expect([flows.spilledOutOf("pune").events, flows.spilledInto("mumbai").events]).toEqual([2, 2]);
    expect(manager.takeFlows().spilledOutOf("pune").events).toBe(0);
    expect(changes).toEqual([{ region: "pune", action: "failover", mode: "manual", reason: "maintenance", at: T0, actor: null }]);
  });

  it("spills over above 85% utilisation and stops once utilisation is back", () => {
    const { manager } = createManager();
    manager.refresh(new Map([["pune", 2_125_001]]), T0);
    expect(manager.route(pune)).toBe("mumbai");
    manager.refresh(new Map([["pune", 2_125_000]]), T0);
    expect(manager.route(pune)).toBe("pune");
  });
});

describe("RegionManager circuit breakers", () => {
  it("opens after 5 consecutive failures, spills while open, probes after 30 s and closes on success", () => {
    const { manager, changes } = createManager();
    for (let i = 0; i < 4; i++) manager.recordFailure("pune", "store timeout", T0 + i);
    expect(manager.describe("pune").circuit).toBe("closed");
    manager.recordFailure("pune", "store timeout", T0 + 4);
    expect(manager.describe("pune").circuit).toBe("open");
    expect(manager.route(pune)).toBe("mumbai");

    manager.refresh(noViewers, T0 + 4 + 29_999);
    expect(manager.describe("pune").circuit).toBe("open");
    manager.refresh(noViewers, T0 + 4 + 30_000);
    expect(manager.describe("pune").circuit).toBe("half_open");
    expect(manager.route(pune)).toBe("pune");
    manager.recordSuccess("pune", T0 + 30_010);
    expect(manager.describe("pune").circuit).toBe("closed");
    expect(changes.map((c) => [c.action, c.mode, c.reason])).toEqual([
      ["breaker_open", "automatic", "store timeout"],
      ["breaker_close", "automatic", "processing succeeded"],
    ]);
  });

  it("a success resets the failure streak", () => {
    const { manager } = createManager();
    for (let i = 0; i < 4; i++) manager.recordFailure("pune", "timeout", T0);
    manager.recordSuccess("pune", T0);
    for (let i = 0; i < 4; i++) manager.recordFailure("pune", "timeout", T0);
    expect(manager.describe("pune").circuit).toBe("closed");
  });

  it("trips and resets by hand, recording each", () => {
    const { manager, changes } = createManager();
    expect(manager.setBreakerByHand("delhi", "trip", "drill", T0).circuit).toBe("open");
    expect(manager.setBreakerByHand("delhi", "reset", "drill over", T0 + 1).circuit).toBe("closed");
    expect(() => manager.setBreakerByHand("delhi", "reset", "again", T0 + 2)).toThrow("Delhi's breaker is closed already.");
    manager.setBreakerByHand("delhi", "trip", "drill", T0 + 3);
    expect(() => manager.setBreakerByHand("delhi", "trip", "again", T0 + 4)).toThrow("Delhi's breaker is open already.");
    expect(changes.map((c) => [c.region, c.action, c.mode])).toEqual([
      ["delhi", "breaker_trip", "manual"],
      ["delhi", "breaker_reset", "manual"],
      ["delhi", "breaker_trip", "manual"],
    ]);
  });
});

/** Routes `count` events of viewers in `city`, the first `errors` of them error events. */
function routeViewers(manager: RegionManager, city: string, count: number, errors: number): void {
  for (let i = 0; i < count; i++) manager.route({ location: city, eventType: i < errors ? "error" : "heartbeat" });
}

describe("RegionManager health checks", () => {
  it("fails a region over above 5% errors, keeps it out on an empty window, and fails it back once its viewers are measured healthy after the hold", () => {
    const { manager, changes } = createManager(60_000);
    manager.checkHealth(measurements({ kolkata: { events: 1000, p95LatencyMs: 10, errorRatePercent: 5.01 } }), true, T0);
    expect(manager.describe("kolkata")).toEqual({
      active: false,
      circuit: "closed",
      health: "unhealthy",
      healthReason: "error rate 5.01% > 5%",
    });

    manager.checkHealth(measurements(), true, T0 + 3_600_000);
    expect(manager.describe("kolkata")).toMatchObject({
      active: false,
      health: "unhealthy",
      healthReason:
        "not enough traffic to judge (0 events in the last 3,600 s, 200 needed); last measured unhealthy: error rate 5.01% > 5%",
    });

    routeViewers(manager, "Kolkata", 300, 3);
    manager.checkHealth(measurements(), true, T0 + 3_630_000);
    expect(manager.describe("kolkata")).toEqual({
      active: true,
      circuit: "closed",
      health: "healthy",
      healthReason: "its viewers, served elsewhere: error rate 1% ≤ 5% over 300 events in the last 30 s",
    });
    expect(changes.map((c) => [c.region, c.action, c.mode, c.reason])).toEqual([
      ["kolkata", "failover", "automatic", "unhealthy: error rate 5.01% > 5%"],
      [
        "kolkata",
        "failback",
        "automatic",
        "healthy again: its viewers, served elsewhere: error rate 1% ≤ 5% over 300 events in the last 30 s",
      ],
    ]);
  });

  it("keeps the receiver of a failed-over region's erring viewers in routing, recording the refusal once", () => {
    const { manager, changes } = createManager();
    routeViewers(manager, "Pune", 1_000, 400);
    manager.checkHealth(measurements({ pune: { events: 1_000, p95LatencyMs: 10, errorRatePercent: 40 } }), true, T0);
    expect(manager.describe("pune").active).toBe(false);

    for (const at of [T0 + 30_000, T0 + 60_000]) {
      routeViewers(manager, "Mumbai", 1_000, 10);
      routeViewers(manager, "Pune", 1_000, 400);
      manager.checkHealth(measurements({ mumbai: { events: 2_000, p95LatencyMs: 10, errorRatePercent: 20.5 } }), true, at);
    }
    expect(manager.describe("mumbai")).toEqual({
      active: true,
      circuit: "closed",
      health: "unhealthy",
      healthReason:
        "error rate 20.5% > 5% in the last 30 s; not failed over: errors follow the viewers: 40% of the viewers spilled in from Pune err, 1% of Mumbai's own; likely content or client, not region",
    });
    expect(manager.describe("pune")).toMatchObject({
      active: false,
      healthReason: "its viewers, served elsewhere: error rate 40% > 5% over 1,000 events in the last 30 s",
    });
    expect(changes.map((c) => [c.region, c.action, c.mode])).toEqual([
      ["pune", "failover", "automatic"],
      ["mumbai", "failover_refused", "automatic"],
    ]);
    expect(changes[1]!.reason).toBe(manager.describe("mumbai").healthReason);
  });

  it("takes one region out at a time when the broker is unreachable, recording why each other stays", () => {
    const { manager, changes } = createManager();
    manager.checkHealth(measurements(), false, T0);
    expect(changes.map((c) => [c.region, c.action])).toEqual([
      ["mumbai", "failover"],
      ...REGION_IDS.slice(1).map((id) => [id, "failover_refused"]),
    ]);
    expect(manager.describe("kolkata")).toMatchObject({
      active: true,
      health: "unhealthy",
      healthReason:
        "Kafka broker unreachable; not failed over: 1 automatic failover in force already, at most 1 at a time; an operator decides",
    });
  });

  it("says from the first check how long a window its figures cover, counted from when routing started", () => {
    const changes: RegionChange[] = [];
    const manager = new RegionManager({
      strategy: "proximity",
      policy: DEFAULT_HEALTH_POLICY,
      onChange: (c) => changes.push(c),
      startedAt: T0,
    });
    manager.checkHealth(measurements(), true, T0 + 30_000);
    expect(manager.describe("delhi").healthReason).toBe("p95 processing latency 5 ms ≤ 200 ms, error rate 1% ≤ 5% in the last 30 s");
  });

  it("marks a slow region degraded without failing it over", () => {
    const { manager, changes } = createManager();
    manager.checkHealth(measurements({ delhi: { events: 1_000, p95LatencyMs: 200.5, errorRatePercent: 0 } }), true, T0);
    expect(manager.describe("delhi")).toMatchObject({
      active: true,
      health: "degraded",
      healthReason: "p95 processing latency 200.5 ms > 200 ms",
    });
    expect(changes).toEqual([]);
  });

  it("never undoes a manual failover automatically", () => {
    const { manager } = createManager(0);
    manager.failover("pune", "maintenance", T0);
    routeViewers(manager, "Pune", 1_000, 0);
    manager.checkHealth(measurements(), true, T0 + 3_600_000);
    expect(manager.describe("pune")).toMatchObject({ active: false, health: "healthy" });
  });
});

describe("RegionManager manual controls", () => {
  it("refuses to fail over a region twice, to fail back an active one, or to fail over the last active region", () => {
    const { manager } = createManager();
    manager.failover("pune", "x", T0);
    expect(() => manager.failover("pune", "x", T0)).toThrow("Pune is already failed over (manual).");
    expect(() => manager.failback("delhi", "x", T0)).toThrow("Delhi is active already; nothing to fail back.");
    for (const id of ["mumbai", "delhi", "bangalore", "hyderabad"] as const) manager.failover(id, "x", T0);
    expect(() => manager.failover("kolkata", "x", T0)).toThrow(
      "Kolkata is the last active region; failing it over would leave nowhere to route.",
    );
    expect(manager.failback("pune", "back", T0).active).toBe(true);
  });
});
