import type { WireEvent } from "@/core/events/events";
import type { FailureSeverity } from "@/core/dlq/failures";
import type { RegionId } from "@/core/routing/regions";
import type { FaultComponent } from "./fault-injector";

/** A dead-lettered event as stored and listed. */
export interface DeadLetterRecord {
  id: string;
  eventId: string;
  region: RegionId;
  component: FaultComponent;
  severity: FailureSeverity;
  error: string;
  retryCount: number;
  event: WireEvent;
  firstFailedAt: number;
  deadLetteredAt: number;
  replayCount: number;
  lastReplayedAt: number | null;
  resolvedAt: number | null;
}
