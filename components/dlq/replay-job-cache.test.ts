import { describe, expect, it } from "vitest";
import type { ReplayJobProgress } from "@/core/dlq/dlq-api";
import { mergeFetchedReplayJob, mergeReplayJob } from "./replay-job-cache";

const job = (state: ReplayJobProgress["state"], processed: number): ReplayJobProgress => ({
  id: "j",
  state,
  requestedAt: 0,
  finishedAt: state === "running" ? null : 1,
  total: 10,
  processed,
  requeued: processed,
  refused: 0,
  invalid: 0,
  missing: 0,
  error: null,
  requestedBy: null,
});

describe("merging a replay job's progress from several sources", () => {
  it("starts from the first progress it gets, with no outcomes yet", () => {
    expect(mergeReplayJob(undefined, job("running", 0))).toEqual({ job: job("running", 0), outcomes: [], truncated: false });
  });

  it("takes progress further along and keeps the outcomes already read", () => {
    const current = {
      job: job("running", 5),
      outcomes: [{ id: "a", eventId: "e", outcome: "requeued" as const, reason: "r" }],
      truncated: false,
    };
    expect(mergeReplayJob(current, job("running", 8))).toEqual({ ...current, job: job("running", 8) });
  });

  it("never lets a late running answer hide a finished job", () => {
    const done = { job: job("done", 10), outcomes: [], truncated: false };
    expect(mergeReplayJob(done, job("running", 0))).toBe(done);
    expect(mergeReplayJob({ job: job("running", 9), outcomes: [], truncated: false }, job("done", 10)).job.state).toBe("done");
  });
});

describe("merging a fetched job with pushed progress", () => {
  const outcome = { id: "a", eventId: "e", outcome: "requeued" as const, reason: "r" };

  it("keeps the pushed progress when the answer is behind it, and takes the answer's outcomes", () => {
    const pushed = { job: job("running", 8), outcomes: [], truncated: false };
    expect(mergeFetchedReplayJob(pushed, { job: job("running", 4), outcomes: [outcome], truncated: true })).toEqual({
      job: job("running", 8),
      outcomes: [outcome],
      truncated: true,
    });
  });

  it("takes the answer whole when it is as far along or further", () => {
    const pushed = { job: job("running", 4), outcomes: [], truncated: false };
    const fetched = { job: job("done", 10), outcomes: [outcome], truncated: false };
    expect(mergeFetchedReplayJob(pushed, fetched)).toEqual(fetched);
    expect(mergeFetchedReplayJob(undefined, fetched)).toEqual(fetched);
  });
});
