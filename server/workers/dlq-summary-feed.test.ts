import { describe, expect, it } from "vitest";
import type { DlqSummary } from "@/core/dlq/dlq-api";
import { DlqSummaryFeed } from "./dlq-summary-feed";

const summary: DlqSummary = {
  at: 1,
  open: 2,
  total: 3,
  bySeverity: { CATASTROPHIC: 1, PERSISTENT: 1, TRANSIENT: 0 },
  guarded: 0,
  maxReplays: 5,
};

describe("DlqSummaryFeed", () => {
  it("pushes one summary for changes within the coalescing window", async () => {
    let reads = 0;
    let onPublish: () => void = () => {};
    const pushed = new Promise<void>((resolve) => (onPublish = resolve));
    const published: DlqSummary[] = [];
    const feed = new DlqSummaryFeed({
      read: async () => (reads++, summary),
      publish: (s) => (published.push(s), onPublish()),
      coalesceMs: 10,
      onError: () => {},
    });
    feed.markChanged();
    feed.markChanged();
    await pushed;
    await feed.close();
    expect([reads, published]).toEqual([1, [summary]]);
  });

  it("close() waits for a summary on its way, and a second close waits for the first", async () => {
    let finishRead: (value: DlqSummary) => void = () => {};
    let readStarted: () => void = () => {};
    const started = new Promise<void>((resolve) => (readStarted = resolve));
    const published: DlqSummary[] = [];
    const feed = new DlqSummaryFeed({
      read: () => {
        readStarted();
        return new Promise<DlqSummary>((resolve) => (finishRead = resolve));
      },
      publish: (s) => published.push(s),
      coalesceMs: 1,
      onError: () => {},
    });
    feed.markChanged();
    await started;
    let closed = false;
    const first = feed.close().then(() => (closed = true));
    const second = feed.close();
    await Promise.resolve();
    expect(closed).toBe(false);
    finishRead(summary);
    await second;
    expect(published).toEqual([summary]);
    await first;
    expect(closed).toBe(true);
  });
});
