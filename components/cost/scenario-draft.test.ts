import { describe, expect, it } from "vitest";
import { REFERENCE_COST_SCENARIO, costScenarioSchema } from "@/core/cost/cost-scenario";
import {
  createBlankDraft,
  createCopyName,
  createDraft,
  createRegionDraft,
  findUnusedRegion,
  indexFieldErrors,
  parseDraft,
  readDraft,
  readNumber,
  type ScenarioDraft,
} from "./scenario-draft";

function editRegion(draft: ScenarioDraft, index: number, change: Partial<ScenarioDraft["regions"][number]>): ScenarioDraft {
  return { ...draft, regions: draft.regions.map((entry, i) => (i === index ? { ...entry, ...change } : entry)) };
}

describe("readNumber", () => {
  it.each([
    ["", undefined],
    ["   ", undefined],
    ["5", 5],
    [" 7.5 ", 7.5],
    ["2,00,000", 200_000],
    ["1 000", 1_000],
    [".5", 0.5],
    ["1.", 1],
    ["-3", -3],
    ["1e3", 1_000],
    ["lots", "lots"],
    ["1.2.3", "1.2.3"],
    ["₹5", "₹5"],
  ])("reads %j as %j", (typed, expected) => {
    expect(readNumber(typed)).toBe(expected);
  });
});

describe("createDraft and parseDraft", () => {
  it("round-trips the reference scenario exactly", () => {
    expect(parseDraft(createDraft(REFERENCE_COST_SCENARIO))).toEqual({ ok: true, scenario: REFERENCE_COST_SCENARIO });
  });

  it("round-trips an autoscaling fleet with rate overrides and users", () => {
    const scenario = costScenarioSchema.parse({
      name: "Pune",
      users: 20_000,
      regions: [
        {
          region: "pune",
          fleet: { type: "autoscale", min: 2, max: 6, eventsPerSecondPerInstance: 1_500 },
          peakEventsPerSecond: 7_000,
          storageGb: 12.5,
          networkGb: 3,
          partitions: 4,
          rates: { computePerInstanceHour: 6.25, kafkaPerPartitionMonth: 30 },
        },
      ],
    });
    expect(parseDraft(createDraft(scenario))).toEqual({ ok: true, scenario });
  });

  it("keeps both fleets' fields, so switching a fixed fleet to autoscale starts sized for the same peak", () => {
    const draft = createDraft(REFERENCE_COST_SCENARIO);
    expect(draft.regions[0]).toMatchObject({
      fleetType: "fixed",
      instances: "5",
      min: "2",
      max: "20",
      eventsPerSecondPerInstance: "50000",
      peakEventsPerSecond: "250000",
    });
    const switched = editRegion(draft, 0, { fleetType: "autoscale" });
    const parsed = parseDraft(switched);
    if (!parsed.ok) throw new Error("expected a valid scenario");
    expect(parsed.scenario.regions[0]).toMatchObject({
      fleet: { type: "autoscale", min: 2, max: 20, eventsPerSecondPerInstance: 50_000 },
      peakEventsPerSecond: 250_000,
    });
  });

  it("leaves empty rates and users out, so the defaults apply", () => {
    const raw = readDraft(createBlankDraft());
    expect(raw).not.toHaveProperty("users");
    expect(raw.regions).toEqual([{ region: "mumbai", fleet: { type: "fixed", instances: 2 }, storageGb: 0, networkGb: 0, partitions: 0 }]);
  });

  it("names every bad field with the schema's reason", () => {
    let draft = createDraft(REFERENCE_COST_SCENARIO);
    draft = editRegion(draft, 0, { instances: "", storageGb: "-1" });
    draft = editRegion(draft, 1, { networkGb: "lots", rates: { ...draft.regions[1]!.rates, networkPerGb: "-0.5" } });
    draft = { ...draft, budgetInr: "10.005", trafficPattern: draft.trafficPattern.map((m, hour) => (hour === 3 ? "" : m)) };
    const parsed = parseDraft(draft);
    expect(parsed).toEqual({
      ok: false,
      errors: [
        { path: "budgetInr", message: "must be whole paise (at most 2 decimals)" },
        { path: "regions.0.fleet.instances", message: "is required" },
        { path: "regions.0.storageGb", message: "must not be negative" },
        { path: "regions.1.networkGb", message: "must be a number" },
        { path: "regions.1.rates.networkPerGb", message: "must not be negative" },
        { path: "trafficPattern.3", message: "is required" },
      ],
    });
  });
});

describe("regions in the draft", () => {
  it("adds the first region not yet used and none once all six are there", () => {
    const draft = createDraft(REFERENCE_COST_SCENARIO);
    expect(findUnusedRegion(draft)).toBe("delhi");
    const full = {
      ...draft,
      regions: ["mumbai", "delhi", "bangalore", "hyderabad", "pune", "kolkata"].map((r) => createRegionDraft(r as "mumbai")),
    };
    expect(findUnusedRegion(full)).toBeNull();
  });

  it("gives every region a key of its own", () => {
    const keys = [createRegionDraft("pune"), createRegionDraft("pune"), ...createDraft(REFERENCE_COST_SCENARIO).regions].map((r) => r.key);
    expect(new Set(keys).size).toBe(4);
  });
});

describe("indexFieldErrors", () => {
  it("keeps the first message of each path", () => {
    const index = indexFieldErrors([
      { path: "regions.0.region", message: "first" },
      { path: "regions.0.region", message: "second" },
      { path: "budgetInr", message: "must not be negative" },
    ]);
    expect([...index]).toEqual([
      ["regions.0.region", "first"],
      ["budgetInr", "must not be negative"],
    ]);
  });
});

describe("createCopyName", () => {
  it("adds (copy) and keeps the name within 100 characters", () => {
    expect(createCopyName("Startup on two regions")).toBe("Startup on two regions (copy)");
    const long = createCopyName("x".repeat(100));
    expect(long).toHaveLength(100);
    expect(long.endsWith("x (copy)")).toBe(true);
  });
});
