import { describe, expect, it } from "vitest";
import { balanceConservation, balanceRegionFlow, type RegionFlowCounts } from "./books";

const flow = (counts: Partial<RegionFlowCounts>): RegionFlowCounts => ({
  routed: 0,
  processed: 0,
  queued: 0,
  inRetry: 0,
  deadLettered: 0,
  duplicates: 0,
  ...counts,
});

describe("a region's flow", () => {
  it("balances when every routed event is processed, queued, in retry, dead-lettered or a duplicate", () => {
    expect(balanceRegionFlow(flow({ routed: 15, processed: 8, queued: 3, inRetry: 2, deadLettered: 1, duplicates: 1 }))).toEqual({
      routed: 15,
      processed: 8,
      queued: 3,
      inRetry: 2,
      deadLettered: 1,
      duplicates: 1,
      balanced: true,
    });
  });

  it("does not balance when an event is missing or counted twice", () => {
    expect([
      balanceRegionFlow(flow({ routed: 15, processed: 8, queued: 3, inRetry: 2, deadLettered: 1 })).balanced,
      balanceRegionFlow(flow({ routed: 15, processed: 9, queued: 3, inRetry: 2, deadLettered: 1, duplicates: 1 })).balanced,
    ]).toEqual([false, false]);
  });

  it("balances with nothing routed", () => {
    expect(balanceRegionFlow(flow({})).balanced).toBe(true);
  });
});

describe("conservation over every region", () => {
  it("sums the regions' flows, counts ingested as accepted + rejected + replayed, and balances when routed = accepted + replayed", () => {
    const flows = [
      flow({ routed: 10, processed: 6, queued: 2, inRetry: 1, duplicates: 1 }),
      flow({ routed: 4, processed: 2, deadLettered: 2 }),
    ];
    expect(balanceConservation({ accepted: 12, rejected: 3, replayed: 2 }, flows)).toEqual({
      ingested: 17,
      replayed: 2,
      rejected: 3,
      processed: 8,
      queued: 2,
      inRetry: 1,
      deadLettered: 2,
      duplicates: 1,
      balanced: true,
    });
  });

  it("does not balance when the regions account for more or fewer events than ingest accepted and replayed", () => {
    const flows = [flow({ routed: 10, processed: 10 })];
    expect([
      balanceConservation({ accepted: 9, rejected: 0, replayed: 0 }, flows).balanced,
      balanceConservation({ accepted: 10, rejected: 5, replayed: 1 }, flows).balanced,
    ]).toEqual([false, false]);
  });

  it("does not balance when the regions' outcomes add up but routed differs (an event routed and not accounted for)", () => {
    expect(balanceConservation({ accepted: 10, rejected: 0, replayed: 0 }, [flow({ routed: 11, processed: 10 })]).balanced).toBe(false);
  });
});
