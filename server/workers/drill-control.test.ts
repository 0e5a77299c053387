import { describe, expect, it } from "vitest";
import type { RunningDrill } from "@/core/drills/drill-api";
import { createRunningDrill, type DrillRecord } from "@/core/drills/drills";
import { DrillControl, type DrillStore } from "./drill-control";
import { FaultInjector } from "./fault-injector";

const T0 = 1_764_000_000_000;
const timeout = { component: "processor", region: "pune", errorMessage: "Connection timeout", rate: 1, durationSeconds: 60 } as const;

/** The drills table as a list of rows. */
class MemoryDrillStore implements DrillStore {
  rows: DrillRecord[] = [];
  failing: Error | null = null;

  async saveStart(drill: RunningDrill): Promise<void> {
    if (this.failing) throw this.failing;
    this.rows.push({ ...drill, endedAt: null, endedBy: null });
  }

  async saveStop(ids: readonly string[], at: number, by: string | null): Promise<void> {
    if (this.failing) throw this.failing;
    for (const row of this.rows) if (ids.includes(row.id) && row.endedAt === null) Object.assign(row, { endedAt: at, endedBy: by });
  }

  async addFailures(counts: ReadonlyArray<{ id: string; count: number }>): Promise<void> {
    for (const { id, count } of counts) this.rows.find((r) => r.id === id)!.injected += count;
  }

  async listCurrent(now: number): Promise<DrillRecord[]> {
    if (this.failing) throw this.failing;
    return this.rows.filter((r) => r.endsAt > now).map((r) => ({ ...r }));
  }
}

function createControl() {
  const store = new MemoryDrillStore();
  const faults = new FaultInjector(() => 0);
  const lines: string[] = [];
  const control = new DrillControl({ faults, store, log: (line) => lines.push(line) });
  const fail = (times: number, at = T0) => {
    for (let i = 0; i < times; i++) expect(() => faults.check("processor", "pune", at)).toThrow();
  };
  return { store, faults, control, lines, fail };
}

describe("DrillControl", () => {
  it("records a drill with who started it, then runs it", async () => {
    const { store, control } = createControl();
    const drill = await control.start(timeout, "olga", T0);
    expect(drill).toMatchObject({ ...timeout, startedAt: T0, endsAt: T0 + 60_000, startedBy: "olga", injected: 0 });
    expect(store.rows.map((r) => [r.id, r.startedBy, r.endedAt])).toEqual([[drill.id, "olga", null]]);
    expect(control.list(T0).map((d) => d.id)).toEqual([drill.id]);
  });

  it("refuses a drill it cannot record, and runs nothing", async () => {
    const { store, control } = createControl();
    store.failing = new Error("database down");
    await expect(control.start(timeout, "olga", T0)).rejects.toThrow(
      "The drill was not started: it could not be recorded (database down).",
    );
    expect(control.list(T0)).toEqual([]);
  });

  it("stops one drill, recording when, by whom and what it injected; an unknown id stops nothing", async () => {
    const { store, control, fail } = createControl();
    const drill = await control.start(timeout, "olga", T0);
    const other = await control.start({ ...timeout, region: "delhi" }, "olga", T0);
    fail(3);
    expect(await control.stop("no-such-drill", "sam", T0 + 1_000)).toBeNull();
    expect((await control.stop(drill.id, "sam", T0 + 20_000))?.injected).toBe(3);
    expect(store.rows.map((r) => [r.endedAt, r.endedBy, r.injected])).toEqual([
      [T0 + 20_000, "sam", 3],
      [null, null, 0],
    ]);
    expect(control.list(T0 + 20_000).map((d) => d.id)).toEqual([other.id]);
  });

  it("stops every running drill at once", async () => {
    const { store, control } = createControl();
    await control.start(timeout, "olga", T0);
    await control.start({ ...timeout, component: "store" }, "olga", T0);
    expect((await control.stopAll("sam", T0 + 5_000)).length).toBe(2);
    expect(store.rows.map((r) => r.endedBy)).toEqual(["sam", "sam"]);
    expect(await control.stopAll("sam", T0 + 6_000)).toEqual([]);
  });

  it("says a stop could not be recorded, having stopped the drill here all the same", async () => {
    const { store, control } = createControl();
    const drill = await control.start(timeout, "olga", T0);
    store.failing = new Error("database down");
    await expect(control.stop(drill.id, "sam", T0 + 1_000)).rejects.toThrow(
      "The drill stopped in this process, but its end could not be recorded (database down); other processes run it until it ends.",
    );
    expect(control.list(T0 + 1_000)).toEqual([]);
  });

  it("follows drills another process started and stopped, and never restarts one stopped here from a stale row", async () => {
    const { store, control, lines } = createControl();
    const elsewhere = createRunningDrill(timeout, "5e1f0000-0000-4000-8000-000000000001", T0, "priya");
    store.rows.push({ ...elsewhere, injected: 40, endedAt: null, endedBy: null });
    await control.refresh(T0 + 1_000);
    expect(control.list(T0 + 1_000)).toEqual([{ ...elsewhere, injected: 0 }]);

    store.rows[0]!.endedAt = T0 + 2_000;
    store.rows[0]!.endedBy = "priya";
    await control.refresh(T0 + 3_000);
    expect(control.list(T0 + 3_000)).toEqual([]);
    expect(lines).toEqual([
      "[chaos] following processor in Pune, 100% “Connection timeout”, started by priya, until it ends",
      "[chaos] processor in Pune, 100% “Connection timeout” was stopped by priya elsewhere; stopped here too",
    ]);

    // Stopped here while the table still says it runs (another process's write not yet seen): it stays stopped.
    const mine = await control.start(timeout, "olga", T0);
    await control.stop(mine.id, "olga", T0 + 4_000);
    store.rows.find((r) => r.id === mine.id)!.endedAt = null;
    await control.refresh(T0 + 5_000);
    expect(control.list(T0 + 5_000)).toEqual([]);
  });

  it("adds the failures injected here to the drill's row at each refresh and once more when it runs out", async () => {
    const { store, control, fail } = createControl();
    const drill = await control.start(timeout, "olga", T0);
    fail(2);
    await control.refresh(T0 + 2_000);
    expect(store.rows[0]!.injected).toBe(2);
    await control.refresh(T0 + 4_000);
    expect(store.rows[0]!.injected).toBe(2);
    fail(5, T0 + 59_999);
    await control.refresh(T0 + 60_000);
    await control.refresh(T0 + 62_000);
    expect(store.rows[0]!).toMatchObject({ id: drill.id, injected: 7, endedAt: null });
    expect(control.list(T0 + 60_000)).toEqual([]);
  });

  it("still hands over what ran out when the table cannot be read", async () => {
    const { store, control, fail } = createControl();
    await control.start(timeout, "olga", T0);
    fail(4);
    store.failing = new Error("database down");
    await expect(control.refresh(T0 + 60_000)).rejects.toThrow("database down");
    expect(store.rows[0]!.injected).toBe(4);
  });
});
