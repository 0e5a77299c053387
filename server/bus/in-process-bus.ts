import type { ViewerEvent } from "@/core/events/events";
import { REGION_IDS, type RegionId } from "@/core/routing/regions";
import { AppError } from "../errors";
import type { ComponentHealth } from "../health";
import { nowMs } from "../clock";
import type { BatchHandler, BusBatch, EventBus, RegionLag, Subscription } from "./event-bus";

interface PartitionLog {
  region: RegionId;
  partition: number;
  batches: BusBatch[];
  /** Sequence number of batches[0]; sequences count batches, offsets count events. */
  firstSeq: number;
  nextOffset: number;
}

interface Member {
  handler: BatchHandler;
  closed: boolean;
}

interface GroupState {
  id: string;
  members: Member[];
  /** Next batch sequence to deliver, per partition log. */
  cursors: Map<PartitionLog, number>;
  inFlight: Set<PartitionLog>;
}

export interface InProcessBusOptions {
  /** Retained (uncommitted) events above which `publish` waits: the bus's backpressure. */
  maxRetainedEvents?: number;
  /** Pause before a batch whose handler failed is delivered again. */
  redeliveryDelayMs?: number;
  onHandlerError?: (error: unknown, batch: BusBatch) => void;
}

/** One partition per region, consumer groups with their own cursors, commit on handler success. */
export class InProcessBus implements EventBus {
  readonly kind = "in-process" as const;
  private readonly logs: PartitionLog[];
  private readonly logByRegion = new Map<RegionId, PartitionLog>();
  private readonly groups = new Map<string, GroupState>();
  private readonly pending = new Set<Promise<void>>();
  private readonly timers = new Set<NodeJS.Timeout>();
  private publishWaiters: Array<{ resolve: () => void; reject: (error: Error) => void }> = [];
  private retainedEvents = 0;
  private redeliveries = 0;
  private closed = false;
  private readonly maxRetainedEvents: number;
  private readonly redeliveryDelayMs: number;
  private readonly onHandlerError: (error: unknown, batch: BusBatch) => void;

  constructor(options: InProcessBusOptions = {}) {
    this.maxRetainedEvents = options.maxRetainedEvents ?? 200_000;
    this.redeliveryDelayMs = options.redeliveryDelayMs ?? 250;
    this.onHandlerError = options.onHandlerError ?? ((error) => console.error("[bus] handler failed; will redeliver", error));
    this.logs = REGION_IDS.map((region) => ({ region, partition: 0, batches: [], firstSeq: 0, nextOffset: 0 }));
    for (const log of this.logs) this.logByRegion.set(log.region, log);
  }

  async publish(region: RegionId, events: readonly ViewerEvent[], ingestedAt: number, options: { replayOf?: string } = {}): Promise<void> {
    if (events.length === 0) return;
    while (this.retainedEvents >= this.maxRetainedEvents && !this.closed) {
      await new Promise<void>((resolve, reject) => this.publishWaiters.push({ resolve, reject }));
    }
    if (this.closed) throw new AppError("unavailable", "The event bus is shut down; events were not accepted.");
    const log = this.logByRegion.get(region)!;
    const batch: BusBatch = { region, partition: log.partition, baseOffset: log.nextOffset, ingestedAt, events };
    if (options.replayOf !== undefined) batch.replayOf = options.replayOf;
    log.batches.push(batch);
    log.nextOffset += events.length;
    this.retainedEvents += events.length;
    for (const group of this.groups.values()) this.pump(group, log);
  }

  async subscribe(groupId: string, handler: BatchHandler): Promise<Subscription> {
    if (this.closed) throw new AppError("unavailable", "The event bus is shut down.");
    let group = this.groups.get(groupId);
    if (!group) {
      // A new group starts at the oldest retained batch, like Kafka's auto.offset.reset=earliest.
      group = { id: groupId, members: [], cursors: new Map(this.logs.map((l) => [l, l.firstSeq])), inFlight: new Set() };
      this.groups.set(groupId, group);
    }
    const member: Member = { handler, closed: false };
    group.members.push(member);
    for (const log of this.logs) this.pump(group, log);
    const owner = group;
    return {
      close: async () => {
        if (member.closed) return;
        member.closed = true;
        owner.members = owner.members.filter((m) => m !== member);
        await Promise.all(this.pending);
        for (const log of this.logs) this.pump(owner, log);
      },
    };
  }

  lag(region: RegionId): RegionLag {
    const log = this.logByRegion.get(region)!;
    let messages = 0;
    for (const batch of log.batches) messages += batch.events.length;
    const oldest = log.batches[0];
    const seconds = oldest ? Math.max(0, Math.round((nowMs() - oldest.ingestedAt) / 100) / 10) : 0;
    return { messages, seconds, partitions: [{ partition: log.partition, messages, seconds }] };
  }

  health(): ComponentHealth {
    if (this.closed) return { status: "down", detail: "shut down" };
    return {
      status: "up",
      detail: `in-process, ${this.groups.size} consumer group(s), ${this.retainedEvents} event(s) retained, ${this.redeliveries} redelivery(ies)`,
    };
  }

  async close(): Promise<void> {
    if (!this.closed && this.retainedEvents > 0) {
      console.error(`[bus] closing with ${this.retainedEvents} event(s) not yet committed by every consumer group`);
    }
    this.closed = true;
    for (const timer of this.timers) clearTimeout(timer);
    this.timers.clear();
    const waiters = this.publishWaiters;
    this.publishWaiters = [];
    for (const waiter of waiters) waiter.reject(new AppError("unavailable", "The event bus is shut down; events were not accepted."));
    await Promise.all(this.pending);
  }

  /** Partitions are spread over the group's members by index, as a static assignor would. */
  private memberFor(group: GroupState, log: PartitionLog): Member | undefined {
    if (group.members.length === 0) return undefined;
    return group.members[this.logs.indexOf(log) % group.members.length];
  }

  private pump(group: GroupState, log: PartitionLog): void {
    if (this.closed || group.inFlight.has(log)) return;
    const seq = group.cursors.get(log)!;
    const batch = log.batches[seq - log.firstSeq];
    const member = this.memberFor(group, log);
    if (!batch || !member) return;
    group.inFlight.add(log);
    let result: Promise<void> | void;
    try {
      result = member.handler(batch);
    } catch (error) {
      this.fail(group, log, batch, error);
      return;
    }
    if (result instanceof Promise) {
      const tracked = result.then(
        () => this.commit(group, log, seq),
        (error: unknown) => this.fail(group, log, batch, error),
      );
      this.pending.add(tracked);
      void tracked.finally(() => this.pending.delete(tracked));
    } else {
      this.commit(group, log, seq);
    }
  }

  private commit(group: GroupState, log: PartitionLog, seq: number): void {
    group.cursors.set(log, seq + 1);
    group.inFlight.delete(log);
    this.trim(log);
    // Deliver the next batch on a fresh tick so a long backlog never deepens the stack.
    if (!this.closed) setImmediate(() => this.pump(group, log));
  }

  private fail(group: GroupState, log: PartitionLog, batch: BusBatch, error: unknown): void {
    this.redeliveries++;
    try {
      this.onHandlerError(error, batch);
    } catch (reportError) {
      console.error("[bus] the handler-error callback failed", reportError);
    }
    const timer = setTimeout(() => {
      this.timers.delete(timer);
      group.inFlight.delete(log);
      this.pump(group, log);
    }, this.redeliveryDelayMs);
    this.timers.add(timer);
  }

  /** Drops batches every group has committed, then lets waiting publishers in. */
  private trim(log: PartitionLog): void {
    let minSeq = Number.POSITIVE_INFINITY;
    for (const group of this.groups.values()) minSeq = Math.min(minSeq, group.cursors.get(log)!);
    const drop = Math.min(minSeq - log.firstSeq, log.batches.length);
    if (drop <= 0) return;
    for (let i = 0; i < drop; i++) this.retainedEvents -= log.batches[i]!.events.length;
    log.batches.splice(0, drop);
    log.firstSeq += drop;
    if (this.retainedEvents < this.maxRetainedEvents && this.publishWaiters.length > 0) {
      const waiters = this.publishWaiters;
      this.publishWaiters = [];
      for (const waiter of waiters) waiter.resolve();
    }
  }
}
