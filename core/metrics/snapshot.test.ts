import { describe, expect, it } from "vitest";
import { classifyRegionStatus, createIdleRegionSnapshot, regionSnapshotSchema } from "./snapshot";

const calm = { events: 100, viewers: 1000, latencyP95Ms: 20, errorRatePercent: 0.5, utilizationPercent: 10 };

describe("classifyRegionStatus", () => {
  it("is idle with no events and no viewers", () => {
    expect(classifyRegionStatus({ ...calm, events: 0, viewers: 0 })).toEqual({ status: "idle", reason: null });
  });

  it("is ok below every warning threshold and at the thresholds themselves", () => {
    expect(classifyRegionStatus(calm)).toEqual({ status: "ok", reason: null });
    expect(classifyRegionStatus({ ...calm, latencyP95Ms: 200, errorRatePercent: 2, utilizationPercent: 80 })).toEqual({
      status: "ok",
      reason: null,
    });
  });

  it.each([
    [{ errorRatePercent: 2.01 }, "warning", "error rate 2.01% > 2%"],
    [{ errorRatePercent: 5.01 }, "critical", "error rate 5.01% > 5%"],
    [{ latencyP95Ms: 200.5 }, "warning", "p95 latency 200.5 ms > 200 ms"],
    [{ latencyP95Ms: 501 }, "critical", "p95 latency 501 ms > 500 ms"],
    [{ utilizationPercent: 80.01 }, "warning", "utilisation 80.01% > 80%"],
    [{ utilizationPercent: 85.01 }, "critical", "utilisation 85.01% > 85%"],
  ])("classifies %j as %s", (change, status, reason) => {
    expect(classifyRegionStatus({ ...calm, ...change })).toEqual({ status, reason });
  });

  it("reports a critical breach before a warning one", () => {
    expect(classifyRegionStatus({ ...calm, errorRatePercent: 3, latencyP95Ms: 600 }).status).toBe("critical");
  });
});

describe("createIdleRegionSnapshot", () => {
  it("is a valid region snapshot with nothing measured, carrying the given reasons", () => {
    const idle = createIdleRegionSnapshot({ id: "pune", name: "Pune", capacity: 2_500_000 }, { status: null, health: "no check yet" });
    expect(regionSnapshotSchema.parse(idle)).toEqual(idle);
    expect([idle.status, idle.statusReason, idle.healthReason, idle.active, idle.circuit, idle.processed, idle.flow.balanced]).toEqual([
      "idle",
      null,
      "no check yet",
      true,
      "closed",
      0,
      true,
    ]);
  });
});
