import type { WireEvent } from "@/core/events";
import type { FailureSeverity } from "@/core/failures";
import type { RegionId } from "@/core/regions";
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
