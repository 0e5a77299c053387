import { mkdtemp, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { SavedCostScenario } from "@/core/cost/cost-api";
import type { CostReport } from "@/core/cost/cost-report";
import { REFERENCE_COST_SCENARIO } from "@/core/cost/cost-scenario";
import { spawnServer, type SpawnedServer } from "./testing/spawn-server";

const minimal = {
  name: "Two-region minimum",
  regions: [
    { region: "mumbai", fleet: { type: "fixed", instances: 5 }, storageGb: 500, networkGb: 1_000, partitions: 20 },
    { region: "bangalore", fleet: { type: "fixed", instances: 3 }, storageGb: 300, networkGb: 600, partitions: 12 },
  ],
};

describe("cost API over HTTP", () => {
  let dataDir: string;
  let server: SpawnedServer;

  beforeAll(async () => {
    dataDir = await mkdtemp(path.join(os.tmpdir(), "signalbox-cost-"));
    server = await spawnServer({ SIMULATOR: "off", DATA_DIR: dataDir, SNAPSHOT_INTERVAL_MS: "200" });
  }, 90_000);

  afterAll(async () => {
    await server?.stop();
    await rm(dataDir, { recursive: true, force: true });
  });

  const send = async (method: string, url: string, body?: unknown) => (await server.signIn()).send(method, url, body);

  it("evaluates the issue's minimum scenario with the spec's defaults: totals, strategies, budget and both failovers", async () => {
    const response = await send("POST", "/api/cost/evaluate", minimal);
    expect(response.status).toBe(200);
    const report = (await response.json()) as CostReport;
    expect(report.scenario).toEqual({ ...REFERENCE_COST_SCENARIO, name: "Two-region minimum" });
    expect(report.current.totalInr).toBe(47_760);
    expect(report.current.regions.map((r) => [r.region, r.computeInr, r.storageInr, r.networkInr, r.kafkaInr, r.totalInr])).toEqual([
      ["mumbai", 28_800, 750, 800, 1_000, 31_350],
      ["bangalore", 15_120, 390, 420, 480, 16_410],
    ]);
    expect(report.optimisations.map((o) => [o.strategy, o.currentInr, o.optimisedInr, o.savingInr])).toEqual([
      ["dynamic_scaling", 47_760, 35_460, 12_300],
      ["regional_placement", 47_760, 43_313, 4_447],
      ["storage_tiering", 47_760, 47_304, 456],
      ["network_compression", 47_760, 47_394, 366],
    ]);
    expect(report.recommendations.map((r) => r.strategy)).toEqual(["dynamic_scaling", "regional_placement"]);
    expect(report.budget).toMatchObject({ budgetInr: 200_000, withinBudget: true, headroomInr: 152_240 });
    expect(report.failovers.map((f) => [f.failedRegion, f.takerRegion, f.failoverInr, f.deltaInr])).toEqual([
      ["mumbai", "bangalore", 43_760, -4_000],
      ["bangalore", "mumbai", 50_160, 2_400],
    ]);
  });

  it("answers an invalid scenario with 400 naming every bad field and why", async () => {
    const response = await send("POST", "/api/cost/evaluate", {
      budgetInr: -5,
      regions: [
        { region: "goa", fleet: { type: "fixed", instances: 0 }, storageGb: 1, networkGb: "lots", partitions: 1 },
        {
          region: "pune",
          fleet: { type: "autoscale", min: 4, max: 2, eventsPerSecondPerInstance: 100 },
          storageGb: 0,
          networkGb: 0,
          partitions: 0,
        },
      ],
    });
    expect(response.status).toBe(400);
    const fields = [
      { path: "budgetInr", message: "must not be negative" },
      { path: "regions.0.region", message: 'unknown region "goa": must be one of mumbai, delhi, bangalore, hyderabad, pune, kolkata' },
      { path: "regions.0.fleet.instances", message: "must be at least 1" },
      { path: "regions.0.networkGb", message: "must be a number" },
      { path: "regions.1.fleet.min", message: "must not exceed max (2)" },
    ];
    expect(await response.json()).toEqual({
      error: { code: "bad_request", message: fields.map((f) => `${f.path}: ${f.message}`).join("; "), details: { fields } },
    });
  });

  it("refuses a body that is not JSON", async () => {
    const admin = await server.signIn();
    const response = await admin.fetch("/api/cost/evaluate", { method: "POST", headers: { "content-type": "text/plain" }, body: "{}" });
    expect(response.status).toBe(415);
    const bad = await admin.fetch("/api/cost/evaluate", { method: "POST", headers: { "content-type": "application/json" }, body: "{" });
    expect(bad.status).toBe(400);
  });

  it("saves, lists, reads, replaces and deletes a scenario", async () => {
    const created = await send("POST", "/api/cost/scenarios", minimal);
    expect(created.status).toBe(201);
    const saved = (await created.json()) as SavedCostScenario;
    expect(saved).toMatchObject({ name: "Two-region minimum", scenario: { ...REFERENCE_COST_SCENARIO, name: "Two-region minimum" } });
    expect(saved.createdAt).toBe(saved.updatedAt);

    const list = (await (await send("GET", "/api/cost/scenarios")).json()) as { scenarios: SavedCostScenario[] };
    expect(list.scenarios).toEqual([saved]);
    expect(await (await send("GET", `/api/cost/scenarios/${saved.id}`)).json()).toEqual(saved);

    const edited = {
      ...minimal,
      name: "Six instances in Mumbai",
      regions: [{ ...minimal.regions[0], fleet: { type: "fixed", instances: 6 } }, minimal.regions[1]],
    };
    const put = await send("PUT", `/api/cost/scenarios/${saved.id}`, edited);
    expect(put.status).toBe(200);
    const updated = (await put.json()) as SavedCostScenario;
    expect(updated).toMatchObject({ id: saved.id, name: "Six instances in Mumbai", createdAt: saved.createdAt });
    expect(updated.updatedAt).toBeGreaterThanOrEqual(saved.updatedAt);
    expect(updated.scenario.regions[0]?.fleet).toEqual({ type: "fixed", instances: 6 });

    const deleted = await send("DELETE", `/api/cost/scenarios/${saved.id}`);
    expect(deleted.status).toBe(200);
    expect(await deleted.json()).toEqual(updated);
    expect((await send("GET", `/api/cost/scenarios/${saved.id}`)).status).toBe(404);
    expect(((await (await send("GET", "/api/cost/scenarios")).json()) as { scenarios: unknown[] }).scenarios).toEqual([]);
  });

  it.each([
    ["GET", "/api/cost/scenarios/not-a-uuid", undefined, 400, "id: must be a cost scenario id (a UUID)"],
    [
      "DELETE",
      "/api/cost/scenarios/8d0f3f9e-6c1a-4f5e-9a43-7f1f0e6f1a2b",
      undefined,
      404,
      'No cost scenario "8d0f3f9e-6c1a-4f5e-9a43-7f1f0e6f1a2b"; it may have been deleted. GET /api/cost/scenarios lists the saved ones.',
    ],
    [
      "PUT",
      "/api/cost/scenarios/8d0f3f9e-6c1a-4f5e-9a43-7f1f0e6f1a2b",
      minimal,
      404,
      'No cost scenario "8d0f3f9e-6c1a-4f5e-9a43-7f1f0e6f1a2b"; it may have been deleted. GET /api/cost/scenarios lists the saved ones.',
    ],
    ["POST", "/api/cost/scenarios", { regions: [] }, 400, "regions: must have at least one region"],
    ["GET", "/api/cost/scenarios?limit=0", undefined, 400, "limit: must be 1 to 500"],
  ])("answers %s %s with %i and a reason", async (method, url, body, status, message) => {
    const response = await send(method, url, body);
    expect(response.status).toBe(status);
    expect(((await response.json()) as { error: { message: string } }).error.message).toBe(message);
  });

  it("projects the month from the latest snapshot: with no traffic every region keeps its minimum of 2 instances", async () => {
    const response = await send("GET", "/api/cost/live");
    expect(response.status).toBe(200);
    const live = (await response.json()) as {
      at: number;
      regions: Array<{ region: string; instances: number; monthlyComputeInr: number }>;
      totalInstances: number;
      monthlyComputeInr: number;
    };
    expect(live.at).toBeGreaterThan(0);
    // 2 × 720 h × (8 + 7.5 + 7 + 6.8 + 7.2 + 6.5 = ₹43) = ₹61,920
    expect(live.regions.map((r) => [r.region, r.instances, r.monthlyComputeInr])).toEqual([
      ["mumbai", 2, 11_520],
      ["delhi", 2, 10_800],
      ["bangalore", 2, 10_080],
      ["hyderabad", 2, 9_792],
      ["pune", 2, 10_368],
      ["kolkata", 2, 9_360],
    ]);
    expect(live).toMatchObject({ eventsPerSecondPerInstance: 50_000, minInstances: 2, totalInstances: 12, monthlyComputeInr: 61_920 });
  });

  it("keeps saved scenarios across a restart", async () => {
    const saved = (await (await send("POST", "/api/cost/scenarios", REFERENCE_COST_SCENARIO)).json()) as SavedCostScenario;
    expect(await server.stop()).toBe(0);
    server = await spawnServer({ SIMULATOR: "off", DATA_DIR: dataDir, SNAPSHOT_INTERVAL_MS: "200" });
    expect(await (await send("GET", `/api/cost/scenarios/${saved.id}`)).json()).toEqual(saved);
  }, 90_000);
});
