import { randomUUID } from "node:crypto";
import { z } from "zod";
import { DLQ_COMPONENTS } from "@/core/dlq/dlq-api";
import { REGION_IDS, type RegionId } from "@/core/routing/regions";

/** Where a drill can make the engine fail: each names a real code path that then throws. */
// Dead letters name the same code paths, so the list lives in their wire contract.
export const FAULT_COMPONENTS = DLQ_COMPONENTS;
export type FaultComponent = (typeof FAULT_COMPONENTS)[number];

export const faultRequestSchema = z
  .object({
    component: z.enum(FAULT_COMPONENTS, { error: `component must be one of ${FAULT_COMPONENTS.join(", ")}` }),
    region: z.enum(REGION_IDS, { error: `region must be one of ${REGION_IDS.join(", ")}` }).optional(),
    errorMessage: z
      .string({ error: "errorMessage is required" })
      .trim()
      .min(1, "errorMessage must not be empty")
      .max(500, "errorMessage must be at most 500 characters"),
    rate: z.number({ error: "rate must be a number from 0 to 1" }).min(0, "rate must be from 0 to 1").max(1, "rate must be from 0 to 1"),
    durationSeconds: z
      .number({ error: "durationSeconds must be a number" })
      .int("durationSeconds must be whole")
      .min(1, "durationSeconds must be 1 to 3600")
      .max(3600, "durationSeconds must be 1 to 3600"),
    /** Only events whose id starts with this fail (the processor's drills): a poison event, without failing the rest of the region. */
    eventIdPrefix: z
      .string({ error: "eventIdPrefix must be text" })
      .min(1, "eventIdPrefix must not be empty")
      .max(200, "eventIdPrefix must be at most 200 characters")
      .optional(),
  })
  .strict();
export type FaultRequest = z.infer<typeof faultRequestSchema>;

export interface ActiveFault extends FaultRequest {
  id: string;
  startedAt: number;
  endsAt: number;
  /** How many times this fault has thrown so far. */
  injected: number;
}

/** Thrown by an injected fault; carries the drill's error text, which classifies its severity. */
export class InjectedFault extends Error {
  constructor(
    message: string,
    readonly component: FaultComponent,
  ) {
    super(message);
    this.name = "InjectedFault";
  }
}

/**
 * Operators' drills: a fault makes one component's code path throw its message at a rate for a
 * while, in every region or one. With no fault active a check costs one length test.
 */
export class FaultInjector {
  private faults: ActiveFault[] = [];

  constructor(private readonly random: () => number = Math.random) {}

  add(request: FaultRequest, now: number): ActiveFault {
    const fault: ActiveFault = { ...request, id: randomUUID(), startedAt: now, endsAt: now + request.durationSeconds * 1000, injected: 0 };
    this.faults = [...this.prune(now), fault];
    return fault;
  }

  list(now: number): ActiveFault[] {
    this.faults = this.prune(now);
    return this.faults.map((f) => ({ ...f }));
  }

  /** Ends every fault; returns how many were active. */
  clear(now: number): number {
    const ended = this.prune(now).length;
    this.faults = [];
    return ended;
  }

  /** Throws the first matching active fault's error, each at its rate; otherwise returns. */
  check(component: FaultComponent, region: RegionId | null, now: number, eventId?: string): void {
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

  private prune(now: number): ActiveFault[] {
    return this.faults.filter((f) => now < f.endsAt);
  }
}
