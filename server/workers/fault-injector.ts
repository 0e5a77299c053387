import type { DrillComponent, RunningDrill } from "@/core/drills/drill-api";
import type { RegionId } from "@/core/routing/regions";

/** Thrown by an injected fault; carries the drill's error text, which classifies its severity. */
export class InjectedFault extends Error {
  constructor(
    message: string,
    readonly component: DrillComponent,
  ) {
    super(message);
    this.name = "InjectedFault";
  }
}

/**
 * Operators' drills as this process runs them: a drill makes one component's code path throw its
 * message at a rate until it ends, in every region or one. With no drill running a check costs one
 * length test. Ended drills are remembered until their end time, so a late copy (another process's
 * stale read) cannot start one again.
 */
export class FaultInjector {
  private faults: RunningDrill[] = [];
  /** Ids of drills ended here before their time, with that time. */
  private readonly ended = new Map<string, number>();

  constructor(private readonly random: () => number = Math.random) {}

  /** Starts `drill` here unless it is known, was ended here, or is already over at `now`; says whether it did. */
  add(drill: RunningDrill, now: number): boolean {
    if (now >= drill.endsAt || this.ended.has(drill.id) || this.faults.some((f) => f.id === drill.id)) return false;
    this.faults = [...this.faults, { ...drill }];
    return true;
  }

  /** The drills running at `now`, as copies. */
  list(now: number): RunningDrill[] {
    return this.faults.filter((f) => now < f.endsAt).map((f) => ({ ...f }));
  }

  /** Ends one drill before its time; answers it as it ended (null when it is not running here at `now`). */
  end(id: string, now: number): RunningDrill | null {
    const fault = this.faults.find((f) => f.id === id && now < f.endsAt);
    if (!fault) return null;
    this.faults = this.faults.filter((f) => f !== fault);
    this.ended.set(id, fault.endsAt);
    return { ...fault };
  }

  /** Ends every drill running at `now`; answers them as they ended. */
  endAll(now: number): RunningDrill[] {
    return this.faults.map((f) => f.id).flatMap((id) => this.end(id, now) ?? []);
  }

  /** Removes the drills whose time is up at `now` and answers them, each once. */
  takeExpired(now: number): RunningDrill[] {
    for (const [id, endsAt] of this.ended) if (now >= endsAt) this.ended.delete(id);
    const expired = this.faults.filter((f) => now >= f.endsAt);
    if (expired.length > 0) this.faults = this.faults.filter((f) => now < f.endsAt);
    return expired.map((f) => ({ ...f }));
  }

  /** Throws the first matching running drill's error, each at its rate; otherwise returns. */
  check(component: DrillComponent, region: RegionId | null, now: number, eventId?: string): void {
    if (this.faults.length === 0) return;
    for (const fault of this.faults) {
      if (fault.component !== component || now >= fault.endsAt) continue;
      if (fault.region !== undefined && region !== null && fault.region !== region) continue;
      if (fault.eventIdPrefix !== undefined && !eventId?.startsWith(fault.eventIdPrefix)) continue;
      if (this.random() < fault.rate) {
        fault.injected++;
        throw new InjectedFault(fault.errorMessage, component);
      }
    }
  }
}
