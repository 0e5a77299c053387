import { describe, expect, it } from "vitest";
import { ageOfOffset, recordWatermark, regionLagOf, WATERMARK_HISTORY_MS, type PartitionLag } from "./lag";

describe("lag ages off the watermark history", () => {
  const history = [
    { at: 10_000, high: 5 },
    { at: 12_000, high: 9 },
    { at: 15_000, high: 20 },
  ];

  it("is how long ago the watermark first passed the offset, to a tenth of a second", () => {
    expect(ageOfOffset(history, 4, 20_000)).toBe(10);
    expect(ageOfOffset(history, 5, 20_040)).toBe(8);
    expect(ageOfOffset(history, 12, 20_000)).toBe(5);
  });

  it("is at least the oldest sample's age when the backlog is older than the history, and 0 without history", () => {
    expect(ageOfOffset(history, 25, 20_000)).toBe(5);
    expect(ageOfOffset([], 3, 20_000)).toBe(0);
  });

  it("keeps WATERMARK_HISTORY_MS of samples", () => {
    const kept = recordWatermark(
      [
        { at: 0, high: 1 },
        { at: 1000, high: 2 },
      ],
      WATERMARK_HISTORY_MS + 500,
      3,
    );
    expect(kept).toEqual([
      { at: 1000, high: 2 },
      { at: WATERMARK_HISTORY_MS + 500, high: 3 },
    ]);
  });
});

describe("a region's lag", () => {
  it("sums its partitions' messages and takes the oldest age", () => {
    const partitions: PartitionLag[] = [
      { region: "pune", partition: 0, highWatermark: 10, committed: 7, messages: 3, seconds: 1.5 },
      { region: "pune", partition: 1, highWatermark: 4, committed: 4, messages: 0, seconds: 0 },
      { region: "pune", partition: 2, highWatermark: 9, committed: 1, messages: 8, seconds: 4 },
    ];
    expect(regionLagOf(partitions)).toEqual({
      messages: 11,
      seconds: 4,
      partitions: [
        { partition: 0, messages: 3, seconds: 1.5 },
        { partition: 1, messages: 0, seconds: 0 },
        { partition: 2, messages: 8, seconds: 4 },
      ],
    });
    expect(regionLagOf([])).toEqual({ messages: 0, seconds: 0, partitions: [] });
  });
});
