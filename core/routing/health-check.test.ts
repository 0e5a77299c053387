import { describe, expect, it } from "vitest";
import { FlowTally } from "./flow-tally";
import { checkRegionHealth, DEFAULT_HEALTH_POLICY, type HealthPolicy, type RegionCheckState, type RegionProcessing } from "./health-check";
import { REGION_IDS, type RegionId } from "./regions";

const T0 = 1_764_000_000_000;
const POLICY: HealthPolicy = { ...DEFAULT_HEALTH_POLICY, minEvents: 100, failbackHoldMs: 60_000 };
const ACTIVE: RegionCheckState = { active: true, failedOverBy: null, failedOverAt: null, measured: null };
const CALM: RegionProcessing = { events: 1_000, p95LatencyMs: 20, errorRatePercent: 1 };

interface Setup {
  windowSeconds?: number | null;
  states?: Partial<Record<RegionId, Partial<RegionCheckState>>>;
  processing?: Partial<Record<RegionId, RegionProcessing>>;
  /** [home, target, events, errors] */
  flows?: [RegionId, RegionId, number, number][];
  busReachable?: boolean;
  now?: number;
  policy?: Partial<HealthPolicy>;
}

function check({ states = {}, processing = {}, flows = [], busReachable = true, now = T0, policy = {}, windowSeconds = null }: Setup) {
  const tally = new FlowTally();
  for (const [home, target, events, errors] of flows) {
    for (let i = 0; i < events; i++) tally.count(home, target, i < errors);
  }
  return checkRegionHealth(
    {
      regions: new Map(REGION_IDS.map((id) => [id, { ...ACTIVE, ...states[id] }])),
      processing: new Map(REGION_IDS.map((id) => [id, processing[id] ?? CALM])),
      flows: tally,
      busReachable,
      now,
      windowSeconds,
    },
    { ...POLICY, ...policy },
  );
}

const FAILED_OVER_PUNE: Partial<RegionCheckState> = {
  active: false,
  failedOverBy: "automatic",
  failedOverAt: T0 - 120_000,
  measured: { health: "unhealthy", reason: "error rate 40% > 5%" },
};

describe("checkRegionHealth: no verdict without evidence", () => {
  it("judges an active region on what it processed when the window holds enough events", () => {
    const pune = check({ processing: { pune: { events: 100, p95LatencyMs: 30, errorRatePercent: 7 } } }).get("pune")!;
    expect(pune).toEqual({
      health: "unhealthy",
      reason: "error rate 7% > 5%",
      measured: { health: "unhealthy", reason: "error rate 7% > 5%" },
      action: "failover",
      refused: null,
    });
  });

  it("keeps the last measured verdict when a window has too few events, saying so", () => {
    const pune = check({
      states: { pune: { measured: { health: "healthy", reason: "p95 processing latency 20 ms ≤ 200 ms, error rate 1% ≤ 5%" } } },
      processing: { pune: { events: 99, p95LatencyMs: 900, errorRatePercent: 50 } },
    }).get("pune")!;
    expect(pune).toEqual({
      health: "healthy",
      reason:
        "not enough traffic to judge (99 events, 100 needed); last measured healthy: p95 processing latency 20 ms ≤ 200 ms, error rate 1% ≤ 5%",
      measured: null,
      action: "none",
      refused: null,
    });
  });

  it("says how long a window its figures cover once it knows", () => {
    const outcomes = check({
      windowSeconds: 30,
      states: { pune: FAILED_OVER_PUNE },
      flows: [["pune", "mumbai", 400, 120]],
      processing: {
        kolkata: { events: 12, p95LatencyMs: 5, errorRatePercent: 0 },
        delhi: { events: 900, p95LatencyMs: 20, errorRatePercent: 1 },
      },
    });
    expect([outcomes.get("delhi")!.reason, outcomes.get("pune")!.reason, outcomes.get("kolkata")!.reason]).toEqual([
      "p95 processing latency 20 ms ≤ 200 ms, error rate 1% ≤ 5% in the last 30 s",
      "its viewers, served elsewhere: error rate 30% > 5% over 400 events in the last 30 s",
      "not enough traffic to judge (12 events in the last 30 s, 100 needed); no verdict yet",
    ]);
  });

  it("gives no verdict at all before any window had enough events", () => {
    const kolkata = check({ processing: { kolkata: { events: 0, p95LatencyMs: 0, errorRatePercent: 0 } } }).get("kolkata")!;
    expect([kolkata.health, kolkata.reason, kolkata.action]).toEqual([
      "unknown",
      "not enough traffic to judge (0 events, 100 needed); no verdict yet",
      "none",
    ]);
  });

  it("never fails back an automatic failover on an empty window, however long it has been", () => {
    const pune = check({ states: { pune: FAILED_OVER_PUNE }, now: T0 + 3_600_000 }).get("pune")!;
    expect(pune).toEqual({
      health: "unhealthy",
      reason: "not enough traffic to judge (0 events, 100 needed); last measured unhealthy: error rate 40% > 5%",
      measured: null,
      action: "none",
      refused: null,
    });
  });

  it("fails back once its own viewers, served elsewhere, are measured healthy after the hold", () => {
    const outcomes = check({ states: { pune: FAILED_OVER_PUNE }, flows: [["pune", "mumbai", 400, 4]] });
    expect(outcomes.get("pune")).toEqual({
      health: "healthy",
      reason: "its viewers, served elsewhere: error rate 1% ≤ 5% over 400 events",
      measured: { health: "healthy", reason: "its viewers, served elsewhere: error rate 1% ≤ 5% over 400 events" },
      action: "failback",
      refused: null,
    });
  });

  it("holds a healthy failback until the hold is over", () => {
    const early = check({
      states: { pune: { ...FAILED_OVER_PUNE, failedOverAt: T0 - 59_999 } },
      flows: [["pune", "mumbai", 400, 4]],
    }).get("pune")!;
    expect([early.health, early.action]).toEqual(["healthy", "none"]);
  });

  it("keeps a region failed over while its viewers still err where they are served now", () => {
    const pune = check({ states: { pune: FAILED_OVER_PUNE }, flows: [["pune", "mumbai", 400, 120]] }).get("pune")!;
    expect([pune.health, pune.reason, pune.action]).toEqual([
      "unhealthy",
      "its viewers, served elsewhere: error rate 30% > 5% over 400 events",
      "none",
    ]);
  });

  it("never fails back a manual failover, though it shows its viewers' measured health", () => {
    const pune = check({
      states: { pune: { ...FAILED_OVER_PUNE, failedOverBy: "manual" } },
      flows: [["pune", "mumbai", 400, 0]],
    }).get("pune")!;
    expect([pune.health, pune.action]).toEqual(["healthy", "none"]);
  });
});

describe("checkRegionHealth: the cascade guard", () => {
  // Pune's viewers err (a bad manifest); Pune is out and its viewers spill into Mumbai, which now errs too.
  const cascade: Setup = {
    states: { pune: FAILED_OVER_PUNE },
    processing: { mumbai: { events: 1_500, p95LatencyMs: 30, errorRatePercent: 20.67 } },
    flows: [
      ["mumbai", "mumbai", 1_000, 10],
      ["pune", "mumbai", 500, 300],
    ],
  };

  it("does not fail the receiver over when the errors came with the viewers spilled into it, and says why", () => {
    const mumbai = check(cascade).get("mumbai")!;
    expect(mumbai).toEqual({
      health: "unhealthy",
      reason: "error rate 20.67% > 5%",
      measured: { health: "unhealthy", reason: "error rate 20.67% > 5%" },
      action: "none",
      refused: {
        guard: "errors_follow_viewers",
        reason:
          "errors follow the viewers: 60% of the viewers spilled in from Pune err, 1% of Mumbai's own; likely content or client, not region",
      },
    });
  });

  it("still fails the receiver over when its own viewers err too", () => {
    const mumbai = check({
      ...cascade,
      flows: [
        ["mumbai", "mumbai", 1_000, 200],
        ["pune", "mumbai", 500, 300],
      ],
      policy: { maxAutomaticFailovers: 2 },
    }).get("mumbai")!;
    expect([mumbai.action, mumbai.refused]).toEqual(["failover", null]);
  });

  it("blames the spilled-in viewers when the receiver has too few of its own to judge", () => {
    const mumbai = check({ ...cascade, flows: [["pune", "mumbai", 500, 300]] }).get("mumbai")!;
    expect(mumbai.refused?.reason).toBe(
      "errors follow the viewers: 60% of the viewers spilled in from Pune err, too few of its own; likely content or client, not region",
    );
  });

  it("does not apply when too few viewers spilled in to say", () => {
    const mumbai = check({
      ...cascade,
      flows: [
        ["mumbai", "mumbai", 1_000, 10],
        ["pune", "mumbai", 99, 99],
      ],
      policy: { maxAutomaticFailovers: 2 },
    }).get("mumbai")!;
    expect(mumbai.action).toBe("failover");
  });
});

describe("checkRegionHealth: how many regions automatic failover may take out", () => {
  const sick = { events: 1_000, p95LatencyMs: 20, errorRatePercent: 9 };

  it("fails over at most one region at a time by default, the worst first, and says why the other stays", () => {
    const outcomes = check({ processing: { delhi: sick, kolkata: { ...sick, errorRatePercent: 12 } } });
    expect(outcomes.get("kolkata")!.action).toBe("failover");
    expect(outcomes.get("delhi")).toMatchObject({
      action: "none",
      refused: {
        guard: "max_automatic_failovers",
        reason: "1 automatic failover in force already, at most 1 at a time; an operator decides",
      },
    });
  });

  it("counts automatic failovers already in force, but not manual ones", () => {
    const manual = check({ states: { pune: { ...FAILED_OVER_PUNE, failedOverBy: "manual" } }, processing: { delhi: sick } });
    expect(manual.get("delhi")!.action).toBe("failover");
    const automatic = check({ states: { pune: FAILED_OVER_PUNE }, processing: { delhi: sick } });
    expect(automatic.get("delhi")!.refused?.guard).toBe("max_automatic_failovers");
  });

  it("frees the slot when a failback is decided in the same check", () => {
    const outcomes = check({ states: { pune: FAILED_OVER_PUNE }, flows: [["pune", "mumbai", 400, 0]], processing: { delhi: sick } });
    expect([outcomes.get("pune")!.action, outcomes.get("delhi")!.action]).toEqual(["failback", "failover"]);
  });

  it("never leaves fewer than the minimum of regions active", () => {
    const out: Partial<RegionCheckState> = { active: false, failedOverBy: "manual", failedOverAt: T0 };
    const outcomes = check({
      states: { mumbai: out, delhi: out, bangalore: out, hyderabad: out },
      processing: { pune: sick },
    });
    expect(outcomes.get("pune")).toMatchObject({
      action: "none",
      refused: { guard: "min_active_regions", reason: "only 2 regions active; automatic failover keeps at least 2" },
    });
  });

  it("takes no region out when the broker is unreachable for all beyond the one allowed", () => {
    const outcomes = check({ busReachable: false });
    const actions = REGION_IDS.map((id) => outcomes.get(id)!.action);
    expect(actions).toEqual(["failover", "none", "none", "none", "none", "none"]);
    expect(outcomes.get("kolkata")!.reason).toBe("Kafka broker unreachable");
  });

  it("takes none out automatically when the maximum is 0", () => {
    expect(check({ processing: { delhi: sick }, policy: { maxAutomaticFailovers: 0 } }).get("delhi")!.refused?.guard).toBe(
      "max_automatic_failovers",
    );
  });
});
