/** Where the events routed to one region are, each counted apart. */
export interface RegionFlowCounts {
  routed: number;
  processed: number;
  /** Published to the region's topic and not yet read (the bus's lag). */
  queued: number;
  inRetry: number;
  deadLettered: number;
  /** Not processed again: their event_id was already processed. */
  duplicates: number;
}

export interface RegionFlow extends RegionFlowCounts {
  /** routed = processed + queued + inRetry + deadLettered + duplicates: no event routed here is unaccounted for. */
  balanced: boolean;
}

/** What ingest counted: accepted (routed once), rejected (never routed) and replayed dead letters (routed again). */
export interface IngestCounts {
  accepted: number;
  rejected: number;
  replayed: number;
}

export interface Conservation {
  ingested: number;
  replayed: number;
  rejected: number;
  processed: number;
  queued: number;
  inRetry: number;
  deadLettered: number;
  duplicates: number;
  /** Everything accepted or replayed is processed, queued, in retry, dead-lettered or a duplicate, and was routed once. */
  balanced: boolean;
}

/** One region's flow and whether it balances. */
export function balanceRegionFlow(counts: RegionFlowCounts): RegionFlow {
  return {
    ...counts,
    balanced: counts.routed === counts.processed + counts.queued + counts.inRetry + counts.deadLettered + counts.duplicates,
  };
}

/**
 * The books of every region together against what ingest counted: ingested = accepted + rejected +
 * replayed, and accepted + replayed = routed = processed + queued + inRetry + deadLettered + duplicates.
 */
export function balanceConservation(ingest: IngestCounts, flows: readonly RegionFlowCounts[]): Conservation {
  const total = { routed: 0, processed: 0, queued: 0, inRetry: 0, deadLettered: 0, duplicates: 0 };
  for (const flow of flows) {
    total.routed += flow.routed;
    total.processed += flow.processed;
    total.queued += flow.queued;
    total.inRetry += flow.inRetry;
    total.deadLettered += flow.deadLettered;
    total.duplicates += flow.duplicates;
  }
  const { accepted, rejected, replayed } = ingest;
  return {
    ingested: accepted + rejected + replayed,
    replayed,
    rejected,
    processed: total.processed,
    queued: total.queued,
    inRetry: total.inRetry,
    deadLettered: total.deadLettered,
    duplicates: total.duplicates,
    balanced:
      accepted + replayed === total.processed + total.queued + total.inRetry + total.deadLettered + total.duplicates &&
      total.routed === accepted + replayed,
  };
}
