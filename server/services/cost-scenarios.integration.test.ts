import { randomUUID } from "node:crypto";
import { mkdtemp, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { afterEach, describe, expect, inject, it } from "vitest";
import { REFERENCE_COST_SCENARIO, costScenarioSchema, type CostScenario } from "@/core/cost/cost-scenario";
import { openDatabase, type Database } from "../db/database";
import { createTestDatabase } from "../testing/postgres";
import { deleteCostScenario } from "./delete-cost-scenario";
import { getCostScenario } from "./get-cost-scenario";
import { listCostScenarios } from "./list-cost-scenarios";
import { saveCostScenario } from "./save-cost-scenario";
import { updateCostScenario } from "./update-cost-scenario";

const cleanups: Array<() => Promise<void>> = [];
afterEach(async () => {
  while (cleanups.length > 0) await cleanups.pop()!();
});

async function openPostgres(): Promise<Database> {
  const test = await createTestDatabase(inject("postgresUrl"));
  cleanups.push(test.drop);
  const db = await openDatabase({ databaseUrl: test.url, dataDir: "unused" });
  cleanups.push(db.close);
  return db;
}

async function openPglite(): Promise<Database> {
  const dir = await mkdtemp(path.join(os.tmpdir(), "signalbox-cost-"));
  cleanups.push(() => rm(dir, { recursive: true, force: true }));
  const db = await openDatabase({ dataDir: dir });
  cleanups.push(db.close);
  return db;
}

const T0 = Date.UTC(2026, 10, 26, 18, 0, 0, 123);

/** An autoscaling pune with partial rates, users and a custom pattern: every optional field set. */
const detailed: CostScenario = costScenarioSchema.parse({
  name: "Pune night shift",
  budgetInr: 12_345.67,
  users: 25_000,
  latencyBoundMs: 40,
  networkCompressionRatio: 0.55,
  trafficPattern: Array.from({ length: 24 }, (_, hour) => (hour < 6 ? 0.25 : 1.5)),
  regions: [
    {
      region: "pune",
      fleet: { type: "autoscale", min: 2, max: 9, eventsPerSecondPerInstance: 1_250 },
      peakEventsPerSecond: 7_500,
      storageGb: 12.5,
      networkGb: 40,
      partitions: 6,
      rates: { computePerInstanceHour: 6.25 },
    },
  ],
});

describe.each([
  ["Postgres", openPostgres],
  ["PGlite", openPglite],
] as const)("cost scenarios on %s", (_name, open) => {
  it("saves a scenario and reads back exactly what was saved, optional fields included", async () => {
    const db = await open();
    const id = randomUUID();
    const saved = await saveCostScenario(db.prisma, id, detailed, T0);
    expect(saved).toEqual({ id, name: "Pune night shift", scenario: detailed, createdAt: T0, updatedAt: T0 });
    expect(await getCostScenario(db.prisma, id)).toEqual(saved);
  });

  it("answers null for an id nobody saved", async () => {
    const db = await open();
    const id = randomUUID();
    expect(await getCostScenario(db.prisma, id)).toBeNull();
    expect(await updateCostScenario(db.prisma, id, detailed, T0)).toBeNull();
    expect(await deleteCostScenario(db.prisma, id)).toBeNull();
  });

  it("lists the most recently updated first and at most the limit", async () => {
    const db = await open();
    const [a, b, c] = [randomUUID(), randomUUID(), randomUUID()];
    await saveCostScenario(db.prisma, a, { ...REFERENCE_COST_SCENARIO, name: "A" }, T0);
    await saveCostScenario(db.prisma, b, { ...REFERENCE_COST_SCENARIO, name: "B" }, T0 + 1_000);
    await saveCostScenario(db.prisma, c, { ...REFERENCE_COST_SCENARIO, name: "C" }, T0 + 2_000);
    await updateCostScenario(db.prisma, a, { ...REFERENCE_COST_SCENARIO, name: "A, edited" }, T0 + 3_000);

    expect((await listCostScenarios(db.prisma, { limit: 10 })).map((s) => [s.name, s.createdAt, s.updatedAt])).toEqual([
      ["A, edited", T0, T0 + 3_000],
      ["C", T0 + 2_000, T0 + 2_000],
      ["B", T0 + 1_000, T0 + 1_000],
    ]);
    expect((await listCostScenarios(db.prisma, { limit: 2 })).map((s) => s.name)).toEqual(["A, edited", "C"]);
  });

  it("replaces a scenario's content and name on update, keeping its id and creation time", async () => {
    const db = await open();
    const id = randomUUID();
    await saveCostScenario(db.prisma, id, REFERENCE_COST_SCENARIO, T0);
    const updated = await updateCostScenario(db.prisma, id, detailed, T0 + 60_000);
    expect(updated).toEqual({ id, name: "Pune night shift", scenario: detailed, createdAt: T0, updatedAt: T0 + 60_000 });
    expect(await getCostScenario(db.prisma, id)).toEqual(updated);
  });

  it("keeps two scenarios of the same name apart", async () => {
    const db = await open();
    const [first, second] = [randomUUID(), randomUUID()];
    await saveCostScenario(db.prisma, first, REFERENCE_COST_SCENARIO, T0);
    await saveCostScenario(db.prisma, second, { ...REFERENCE_COST_SCENARIO, budgetInr: 50_000 }, T0);
    expect((await getCostScenario(db.prisma, first))?.scenario.budgetInr).toBe(200_000);
    expect((await getCostScenario(db.prisma, second))?.scenario.budgetInr).toBe(50_000);
  });

  it("deletes one scenario, returns what it held, and the second delete finds nothing", async () => {
    const db = await open();
    const [kept, gone] = [randomUUID(), randomUUID()];
    await saveCostScenario(db.prisma, kept, REFERENCE_COST_SCENARIO, T0);
    const saved = await saveCostScenario(db.prisma, gone, detailed, T0);
    expect(await deleteCostScenario(db.prisma, gone)).toEqual(saved);
    expect(await deleteCostScenario(db.prisma, gone)).toBeNull();
    expect((await listCostScenarios(db.prisma, { limit: 10 })).map((s) => s.id)).toEqual([kept]);
  });

  it("refuses to hand out a stored scenario that no longer validates", async () => {
    const db = await open();
    const id = randomUUID();
    await saveCostScenario(db.prisma, id, REFERENCE_COST_SCENARIO, T0);
    await db.prisma.costScenario.update({ where: { id }, data: { scenario: { regions: [] } } });
    await expect(getCostScenario(db.prisma, id)).rejects.toThrow(`stored cost scenario ${id} no longer validates`);
  });
});
