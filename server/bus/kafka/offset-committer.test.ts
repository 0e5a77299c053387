import { afterEach, describe, expect, it, vi } from "vitest";
import { OffsetCommitter, type CommitOffset } from "./offset-committer";

function makeCommitter(commit: (offsets: CommitOffset[]) => Promise<void>) {
  const errors: unknown[] = [];
  const committer = new OffsetCommitter({ commit, intervalMs: 200, onError: (error) => errors.push(error) });
  return { committer, errors };
}

describe("offset committer", () => {
  afterEach(() => {
    vi.useRealTimers();
  });

  it("commits on its interval, once for all partitions, the offset after the last one resolved", async () => {
    vi.useFakeTimers();
    const commits: CommitOffset[][] = [];
    const { committer } = makeCommitter(async (offsets) => void commits.push(offsets));
    committer.resolve("t.a", 0, "4");
    committer.resolve("t.a", 0, "9");
    committer.resolve("t.b", 2, "0");
    expect(commits).toEqual([]);
    await vi.advanceTimersByTimeAsync(200);
    expect(commits).toEqual([
      [
        { topic: "t.a", partition: 0, offset: "10" },
        { topic: "t.b", partition: 2, offset: "1" },
      ],
    ]);
    await vi.advanceTimersByTimeAsync(1000);
    expect(commits).toHaveLength(1);
    await committer.close();
  });

  it("puts a failed commit back and sends it again, unless a later offset was resolved meanwhile", async () => {
    let fail = true;
    const commits: CommitOffset[][] = [];
    const { committer, errors } = makeCommitter(async (offsets) => {
      commits.push(offsets);
      if (fail) throw new Error("coordinator not available");
    });
    committer.resolve("t.a", 0, "4");
    committer.resolve("t.a", 1, "7");
    const failing = committer.flush();
    committer.resolve("t.a", 1, "8");
    await failing;
    expect(errors).toEqual([new Error("coordinator not available")]);
    fail = false;
    await committer.flush();
    expect(commits[1]).toEqual([
      { topic: "t.a", partition: 1, offset: "9" },
      { topic: "t.a", partition: 0, offset: "5" },
    ]);
    await committer.close();
  });

  it("after a rebalance, drops what it had not committed for partitions another member now owns", async () => {
    let fail = true;
    const commits: CommitOffset[][] = [];
    const { committer } = makeCommitter(async (offsets) => {
      commits.push(offsets);
      if (fail) throw new Error("rebalance in progress");
    });
    committer.retain({ "t.a": [0, 1] });
    committer.resolve("t.a", 0, "4");
    committer.resolve("t.a", 1, "7");
    const failing = committer.flush();
    committer.retain({ "t.a": [1] });
    await failing;
    committer.resolve("t.a", 0, "5");
    fail = false;
    await committer.flush();
    expect(commits[1]).toEqual([{ topic: "t.a", partition: 1, offset: "8" }]);
    await committer.close();
  });

  it("commits what is left when it closes, and a second close does nothing", async () => {
    const commits: CommitOffset[][] = [];
    const { committer } = makeCommitter(async (offsets) => void commits.push(offsets));
    committer.resolve("t.a", 0, "41");
    await committer.close();
    await committer.close();
    expect(commits).toEqual([[{ topic: "t.a", partition: 0, offset: "42" }]]);
  });

  it("does not wait more than two seconds on a commit that hangs at close", async () => {
    vi.useFakeTimers();
    const { committer } = makeCommitter(() => new Promise<void>(() => {}));
    committer.resolve("t.a", 0, "1");
    let closed = false;
    const closing = committer.close().then(() => (closed = true));
    await vi.advanceTimersByTimeAsync(1999);
    expect(closed).toBe(false);
    await vi.advanceTimersByTimeAsync(1);
    await closing;
    expect(closed).toBe(true);
  });
});
