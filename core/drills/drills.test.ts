import { describe, expect, it } from "vitest";
import {
  DRILL_ERROR_PRESETS,
  describeDrill,
  describeDrillEffect,
  formatDrillRate,
  formatDuration,
  formatTimeLeft,
  listDrillTimelineEntries,
  type DrillRecord,
} from "./drills";
import { drillRequestSchema } from "./drill-api";

const T0 = 1_764_000_000_000;

const drill: DrillRecord = {
  id: "7d7b5a0e-0000-4000-8000-000000000001",
  component: "processor",
  region: "pune",
  errorMessage: "Connection timeout",
  rate: 0.3,
  durationSeconds: 300,
  startedAt: T0,
  endsAt: T0 + 300_000,
  startedBy: "olga",
  injected: 12_345,
  endedAt: null,
  endedBy: null,
};

describe("formatDuration", () => {
  it.each([
    [0, "0 s"],
    [1, "1 s"],
    [45, "45 s"],
    [60, "1 min"],
    [80, "1 min 20 s"],
    [120, "2 min"],
    [3599, "59 min 59 s"],
    [3600, "1 h"],
    [3725, "1 h 2 min 5 s"],
    [79.6, "1 min 20 s"],
    [-5, "0 s"],
  ])("%s s reads %s", (seconds, text) => {
    expect(formatDuration(seconds)).toBe(text);
  });
});

describe("formatTimeLeft", () => {
  it("counts up to the whole second, so the last second still shows and the end says so", () => {
    expect(formatTimeLeft(80_000)).toBe("1 min 20 s left");
    expect(formatTimeLeft(79_001)).toBe("1 min 20 s left");
    expect(formatTimeLeft(79_000)).toBe("1 min 19 s left");
    expect(formatTimeLeft(1)).toBe("1 s left");
    expect(formatTimeLeft(0)).toBe("ending");
    expect(formatTimeLeft(-2_000)).toBe("ending");
  });
});

describe("formatDrillRate", () => {
  it.each([
    [1, "100%"],
    [0.3, "30%"],
    [0.005, "0.5%"],
    [0.33333, "33.33%"],
    [0, "0%"],
  ])("%s reads %s", (rate, text) => {
    expect(formatDrillRate(rate)).toBe(text);
  });
});

describe("describeDrill", () => {
  it("says what fails where, how often and with what", () => {
    expect(describeDrill(drill)).toBe("processor in Pune, 30% “Connection timeout”");
  });

  it("names every region when the drill has none, and the events a poison drill is limited to", () => {
    expect(describeDrill({ component: "store", errorMessage: "redis down", rate: 1 })).toBe("store in every region, 100% “redis down”");
    expect(describeDrill({ ...drill, eventIdPrefix: "bad-" })).toBe("processor in Pune for events bad-*, 30% “Connection timeout”");
  });
});

describe("DRILL_ERROR_PRESETS", () => {
  it("offers three error texts of each SPEC severity, each classified as its group", () => {
    expect(DRILL_ERROR_PRESETS.map((p) => p.severity)).toEqual([
      "TRANSIENT",
      "TRANSIENT",
      "TRANSIENT",
      "PERSISTENT",
      "PERSISTENT",
      "PERSISTENT",
      "CATASTROPHIC",
      "CATASTROPHIC",
      "CATASTROPHIC",
    ]);
  });

  it("are all texts the API accepts", () => {
    for (const { message } of DRILL_ERROR_PRESETS) {
      expect(drillRequestSchema.safeParse({ component: "processor", errorMessage: message, rate: 0.1, durationSeconds: 60 }).success).toBe(
        true,
      );
    }
  });
});

describe("describeDrillEffect", () => {
  it("gives the processor's path by severity, with SPEC section 4's backoffs and budget", () => {
    expect(describeDrillEffect("processor", "TRANSIENT")).toBe(
      "each failing event is retried after 1, 2 and 4 s, and dead-lettered after 3 retries",
    );
    expect(describeDrillEffect("processor", "PERSISTENT")).toBe(
      "each failing event takes the alternative path: counted, with no quality decision",
    );
    expect(describeDrillEffect("processor", "CATASTROPHIC")).toBe(
      "the batch is rolled back to its checkpoint and run again; an event still failing after 3 restores is dead-lettered",
    );
  });

  it("gives the other components one effect whatever the severity", () => {
    expect(describeDrillEffect("commands", "CATASTROPHIC")).toBe(describeDrillEffect("commands", "TRANSIENT"));
    expect(describeDrillEffect("history", "TRANSIENT")).toBe(
      "history writes fail and rollups wait in memory until it ends (history is not per region)",
    );
  });
});

describe("listDrillTimelineEntries", () => {
  const start = {
    at: T0,
    kind: "drill",
    action: "drill_start",
    region: "pune",
    title: "Drill started: processor in Pune, 30% “Connection timeout” for 5 min",
    detail: "TRANSIENT: each failing event is retried after 1, 2 and 4 s, and dead-lettered after 3 retries",
    actor: "olga",
    alertId: null,
  };

  it("has only the start while the drill runs", () => {
    expect(listDrillTimelineEntries(drill, T0 + 299_999)).toEqual([start]);
  });

  it("ends it at its end time, by nobody, once it has run its duration", () => {
    expect(listDrillTimelineEntries(drill, T0 + 300_000)).toEqual([
      start,
      {
        ...start,
        at: T0 + 300_000,
        action: "drill_expire",
        title: "Drill ran its 5 min and ended: processor in Pune, 30% “Connection timeout”",
        detail: "12,345 failures injected",
        actor: null,
      },
    ]);
  });

  it("ends it when and by whom it was stopped, with how long it ran", () => {
    const stopped = { ...drill, endedAt: T0 + 80_000, endedBy: "sam", injected: 1 };
    expect(listDrillTimelineEntries(stopped, T0 + 400_000)[1]).toEqual({
      ...start,
      at: T0 + 80_000,
      action: "drill_stop",
      title: "Drill stopped after 1 min 20 s of 5 min: processor in Pune, 30% “Connection timeout”",
      detail: "1 failure injected",
      actor: "sam",
    });
  });

  it("puts a drill on every region under no region", () => {
    const everywhere: DrillRecord = { ...drill, region: undefined, component: "history", errorMessage: "system_failure" };
    expect(listDrillTimelineEntries(everywhere, T0).map((e) => [e.region, e.title, e.detail])).toEqual([
      [
        null,
        "Drill started: history in every region, 30% “system_failure” for 5 min",
        "CATASTROPHIC: history writes fail and rollups wait in memory until it ends (history is not per region)",
      ],
    ]);
  });
});
