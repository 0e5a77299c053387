import { parseViewerEvent, type ViewerEvent } from "@/core/events/events";
import { REGION_IDS, type RegionId } from "@/core/routing/regions";
import type { EventBus } from "../bus/event-bus";
import { nowMs } from "../clock";
import type { MetricsHub } from "./metrics-hub";

export interface IngestResult {
  accepted: number;
  rejected: Array<{ index: number; reason: string }>;
}

/** Validates, routes each event to a region (strategy, then spillover), and publishes one batch per region. */
export class Ingestor {
  constructor(
    private readonly bus: EventBus,
    private readonly hub: MetricsHub,
    private readonly route: (event: ViewerEvent) => RegionId,
  ) {}

  /** Untrusted input: each item is validated on its own, so a bad one never stops the good ones. */
  async ingestUntrusted(items: readonly unknown[]): Promise<IngestResult> {
    const valid: ViewerEvent[] = [];
    const rejected: IngestResult["rejected"] = [];
    for (let index = 0; index < items.length; index++) {
      const parsed = parseViewerEvent(items[index]);
      if (parsed.ok) valid.push(parsed.event);
      else rejected.push({ index, reason: parsed.reason });
    }
    for (const r of rejected) this.hub.recordRejected(r.reason);
    await this.ingestValid(valid);
    return { accepted: valid.length, rejected };
  }

  /** A dead letter's event sent through the pipeline again; counted as replayed, not as a new acceptance. */
  async ingestReplay(event: ViewerEvent, replayOf: string): Promise<RegionId> {
    const region = this.route(event);
    this.hub.recordReplayed(1);
    this.hub.addRouted(region, 1);
    await this.bus.publish(region, [event], nowMs(), { replayOf });
    return region;
  }

  /** Events already valid by construction (the simulator's); counted as accepted once the bus holds them. */
  async ingestValid(events: readonly ViewerEvent[]): Promise<void> {
    if (events.length === 0) return;
    const ingestedAt = nowMs();
    const byRegion = new Map<RegionId, ViewerEvent[]>(REGION_IDS.map((id) => [id, []]));
    for (const event of events) byRegion.get(this.route(event))!.push(event);
    // Counted before publishing: from here on every event is somewhere the conservation law can see.
    this.hub.recordAccepted(events.length);
    const publishing: Promise<void>[] = [];
    for (const [region, batch] of byRegion) {
      if (batch.length === 0) continue;
      this.hub.addRouted(region, batch.length);
      publishing.push(this.bus.publish(region, batch, ingestedAt));
    }
    await Promise.all(publishing);
  }
}
