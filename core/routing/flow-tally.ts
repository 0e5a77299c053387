import { REGION_IDS, type RegionId } from "./regions";

/** Events and the players' error events among them, with their share. */
export interface FlowCount {
  events: number;
  errors: number;
  /** errors ÷ events × 100; 0 without events. */
  errorRatePercent: number;
}

const COUNT = REGION_IDS.length;
const INDEX = new Map<RegionId, number>(REGION_IDS.map((id, i) => [id, i]));

function countOf(events: number, errors: number): FlowCount {
  return { events, errors, errorRatePercent: events > 0 ? (errors / events) * 100 : 0 };
}

/**
 * Events routed between regions, by the viewers' home region (where the routing strategy sends them)
 * and the region that took them (after spillover), with their error events: which region's viewers
 * err, wherever they are served. Counting allocates nothing, so routing can tally every event.
 */
export class FlowTally {
  private readonly events = new Float64Array(COUNT * COUNT);
  private readonly errors = new Float64Array(COUNT * COUNT);

  count(home: RegionId, target: RegionId, isError: boolean): void {
    const cell = INDEX.get(home)! * COUNT + INDEX.get(target)!;
    this.events[cell]!++;
    if (isError) this.errors[cell]!++;
  }

  /** Events of `home`'s viewers taken by `target` (the same region: its own viewers served at home). */
  between(home: RegionId, target: RegionId): FlowCount {
    const cell = INDEX.get(home)! * COUNT + INDEX.get(target)!;
    return countOf(this.events[cell]!, this.errors[cell]!);
  }

  /** Events other regions' viewers spilled into `target`. */
  spilledInto(target: RegionId): FlowCount {
    return this.sum((home, to) => to === target && home !== target);
  }

  /** Events of `home`'s viewers taken by other regions. */
  spilledOutOf(home: RegionId): FlowCount {
    return this.sum((from, to) => from === home && to !== home);
  }

  /** The regions whose viewers spilled into `target`, in region order. */
  sourcesOf(target: RegionId): RegionId[] {
    return REGION_IDS.filter((home) => home !== target && this.between(home, target).events > 0);
  }

  /** Starts counting afresh. */
  reset(): void {
    this.events.fill(0);
    this.errors.fill(0);
  }

  private sum(include: (home: RegionId, target: RegionId) => boolean): FlowCount {
    let events = 0;
    let errors = 0;
    for (const home of REGION_IDS) {
      for (const target of REGION_IDS) {
        if (!include(home, target)) continue;
        const cell = INDEX.get(home)! * COUNT + INDEX.get(target)!;
        events += this.events[cell]!;
        errors += this.errors[cell]!;
      }
    }
    return countOf(events, errors);
  }
}
