import { mkdtemp, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { openDatabase, type Database } from "../db/database";
import { DrillControl } from "../workers/drill-control";
import { FaultInjector } from "../workers/fault-injector";
import { createDrillStore, listCurrentDrills } from "./drill-rows";
import { listTimeline } from "./list-timeline";

const cleanups: Array<() => Promise<void>> = [];
afterEach(async () => {
  while (cleanups.length > 0) await cleanups.pop()!();
});

async function openPglite(): Promise<Database> {
  const dir = await mkdtemp(path.join(os.tmpdir(), "signalbox-drills-"));
  cleanups.push(() => rm(dir, { recursive: true, force: true }));
  const db = await openDatabase({ dataDir: dir });
  cleanups.push(db.close);
  return db;
}

const T0 = Date.UTC(2026, 10, 27, 15, 0, 0);
const timeout = { component: "processor", region: "pune", errorMessage: "Connection timeout", rate: 1, durationSeconds: 300 } as const;

/** A process's drill control on the shared database, with an injector that always throws. */
function createProcess(db: Database) {
  const faults = new FaultInjector(() => 0);
  const control = new DrillControl({ faults, store: createDrillStore(db.prisma), log: () => {} });
  const fail = (times: number, at: number) => {
    for (let i = 0; i < times; i++) expect(() => faults.check("processor", "pune", at)).toThrow();
  };
  return { control, fail };
}

describe("drills in the database", () => {
  it("keeps every process sharing it in step: started in one, followed by another, stopped there, stopped here; failures add up", async () => {
    const db = await openPglite();
    const a = createProcess(db);
    const b = createProcess(db);
    const drill = await a.control.start(timeout, "olga", T0);
    a.fail(3, T0 + 1_000);

    await b.control.refresh(T0 + 2_000);
    expect(b.control.list(T0 + 2_000).map((d) => [d.id, d.startedBy])).toEqual([[drill.id, "olga"]]);
    b.fail(2, T0 + 2_500);

    expect((await b.control.stop(drill.id, "sam", T0 + 80_000))?.id).toBe(drill.id);
    await a.control.refresh(T0 + 81_000);
    expect(a.control.list(T0 + 81_000)).toEqual([]);
    await b.control.refresh(T0 + 81_000);
    expect(b.control.list(T0 + 81_000)).toEqual([]);

    const [row] = await listCurrentDrills(db.prisma, T0 + 81_000);
    expect(row).toMatchObject({ id: drill.id, startedBy: "olga", endedAt: T0 + 80_000, endedBy: "sam", injected: 5 });
  });

  it("resumes a drill after a restart until its time is up", async () => {
    const db = await openPglite();
    const drill = await createProcess(db).control.start(timeout, "olga", T0);
    const restarted = createProcess(db);
    await restarted.control.refresh(T0 + 10_000);
    expect(restarted.control.list(T0 + 10_000).map((d) => d.id)).toEqual([drill.id]);
    await restarted.control.refresh(T0 + 300_000);
    expect(restarted.control.list(T0 + 300_000)).toEqual([]);
  });

  it("puts starts and ends on the timeline, a region's filter keeping drills on every region", async () => {
    const db = await openPglite();
    const { control } = createProcess(db);
    const stopped = await control.start(timeout, "olga", T0);
    await control.stop(stopped.id, "sam", T0 + 80_000);
    await control.start({ ...timeout, region: "delhi", durationSeconds: 60 }, "olga", T0 + 100_000);
    await control.start({ ...timeout, component: "commands", region: undefined, durationSeconds: 600 }, "priya", T0 + 200_000);

    const read = async (now: number, region?: "pune") =>
      (await listTimeline(db.prisma, { from: T0 - 60_000, to: now, now, limit: 100, region }))
        .filter((e) => e.kind === "drill")
        .map((e) => [e.at - T0, e.action, e.region, e.actor]);
    expect(await read(T0 + 300_000)).toEqual([
      [200_000, "drill_start", null, "priya"],
      [160_000, "drill_expire", "delhi", null],
      [100_000, "drill_start", "delhi", "olga"],
      [80_000, "drill_stop", "pune", "sam"],
      [0, "drill_start", "pune", "olga"],
    ]);
    expect(await read(T0 + 150_000)).toEqual([
      [100_000, "drill_start", "delhi", "olga"],
      [80_000, "drill_stop", "pune", "sam"],
      [0, "drill_start", "pune", "olga"],
    ]);
    expect(await read(T0 + 300_000, "pune")).toEqual([
      [200_000, "drill_start", null, "priya"],
      [80_000, "drill_stop", "pune", "sam"],
      [0, "drill_start", "pune", "olga"],
    ]);
  });
});
