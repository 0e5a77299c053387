import type { WireEvent } from "@/core/events/events";
import type { FailureSeverity } from "@/core/dlq/failures";
import type { RegionId } from "@/core/routing/regions";
import type { DrillComponent } from "@/core/drills/drill-api";

/** A dead-lettered event as stored and listed. */
export interface DeadLetterRecord {
  id: string;
  eventId: string;
  region: RegionId;
  component: DrillComponent;
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
