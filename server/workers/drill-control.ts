import { randomUUID } from "node:crypto";
import type { DrillRequest, RunningDrill } from "@/core/drills/drill-api";
import { createRunningDrill, describeDrill, type DrillRecord } from "@/core/drills/drills";
import { AppError, messageOf } from "../errors";
import type { FaultInjector } from "./fault-injector";

/** Where drills are kept: the drills table, which every process sharing the database reads. */
export interface DrillStore {
  saveStart(drill: RunningDrill): Promise<void>;
  saveStop(ids: readonly string[], at: number, by: string | null): Promise<void>;
  addFailures(counts: ReadonlyArray<{ id: string; count: number }>): Promise<void>;
  /** Drills whose time is not up at `now`, stopped ones included. */
  listCurrent(now: number): Promise<DrillRecord[]>;
}

export interface DrillControlOptions {
  faults: FaultInjector;
  store: DrillStore;
  log: (line: string) => void;
}

/**
 * Starts and stops drills and keeps this process's fault injector in step with the drills table:
 * a drill started or stopped by another process (or left running across a restart) is followed at
 * the next refresh, and each process adds the failures it injected to the drill's row.
 */
export class DrillControl {
  /** Failures already added to each running drill's row. */
  private readonly reported = new Map<string, number>();
  private refreshing = false;

  constructor(private readonly options: DrillControlOptions) {}

  /** Records the drill, then runs it; a drill that cannot be recorded is refused and never runs. */
  async start(request: DrillRequest, by: string | null, now: number): Promise<RunningDrill> {
    const drill = createRunningDrill(request, randomUUID(), now, by);
    try {
      await this.options.store.saveStart(drill);
    } catch (error) {
      throw new AppError("unavailable", `The drill was not started: it could not be recorded (${messageOf(error)}).`);
    }
    this.options.faults.add(drill, now);
    this.reported.set(drill.id, 0);
    return drill;
  }

  list(now: number): RunningDrill[] {
    return this.options.faults.list(now);
  }

  /** Stops one drill running here; null when none of that id runs. */
  async stop(id: string, by: string | null, now: number): Promise<RunningDrill | null> {
    const ended = this.options.faults.end(id, now);
    if (ended) await this.recordStop([ended], by, now);
    return ended;
  }

  /** Stops every drill running here; answers them. */
  async stopAll(by: string | null, now: number): Promise<RunningDrill[]> {
    const ended = this.options.faults.endAll(now);
    await this.recordStop(ended, by, now);
    return ended;
  }

  /**
   * Hands over the drills whose time is up, follows the drills table (starting what another process
   * started, stopping what it stopped) and adds the failures injected since the last refresh. A
   * refresh still under way makes the next one wait for the one after.
   */
  async refresh(now: number): Promise<void> {
    if (this.refreshing) return;
    this.refreshing = true;
    const over = this.options.faults.takeExpired(now);
    try {
      over.push(...this.follow(await this.options.store.listCurrent(now), now));
    } finally {
      try {
        await this.options.store.addFailures(this.takeCounts(over, now));
      } finally {
        this.refreshing = false;
      }
    }
  }

  private follow(current: readonly DrillRecord[], now: number): RunningDrill[] {
    const stopped: RunningDrill[] = [];
    for (const { endedAt, endedBy, ...drill } of current) {
      if (endedAt !== null) {
        const ended = this.options.faults.end(drill.id, now);
        if (ended) {
          stopped.push(ended);
          this.options.log(`[chaos] ${describeDrill(ended)} was stopped by ${endedBy ?? "someone"} elsewhere; stopped here too`);
        }
      } else if (this.options.faults.add({ ...drill, injected: 0 }, now)) {
        this.reported.set(drill.id, 0);
        this.options.log(`[chaos] following ${describeDrill(drill)}, started by ${drill.startedBy ?? "someone"}, until it ends`);
      }
    }
    return stopped;
  }

  private async recordStop(ended: readonly RunningDrill[], by: string | null, now: number): Promise<void> {
    if (ended.length === 0) return;
    const counts = this.takeCounts(ended, now);
    try {
      await Promise.all([
        this.options.store.saveStop(
          ended.map((d) => d.id),
          now,
          by,
        ),
        this.options.store.addFailures(counts),
      ]);
    } catch (error) {
      // Stopped here all the same; only its record (and other processes) lag behind.
      throw new AppError(
        "unavailable",
        `The drill stopped in this process, but its end could not be recorded (${messageOf(error)}); other processes run it until it ends.`,
      );
    }
  }

  /** Failures not yet added: those of `over` (which leave the books) and those of the drills still running. */
  private takeCounts(over: readonly RunningDrill[], now: number): Array<{ id: string; count: number }> {
    const counts: Array<{ id: string; count: number }> = [];
    for (const drill of over) {
      counts.push({ id: drill.id, count: drill.injected - (this.reported.get(drill.id) ?? 0) });
      this.reported.delete(drill.id);
    }
    for (const drill of this.options.faults.list(now)) {
      counts.push({ id: drill.id, count: drill.injected - (this.reported.get(drill.id) ?? 0) });
      this.reported.set(drill.id, drill.injected);
    }
    return counts.filter((c) => c.count > 0);
  }
}
