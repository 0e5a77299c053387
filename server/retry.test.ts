import { describe, expect, it } from "vitest";
import { backoffDelayMs, retryWithBackoff } from "./retry";

const noWait = { initialMs: 100, maxMs: 1000 };

describe("backoffDelayMs", () => {
  it("doubles from the initial delay and stops at the cap", () => {
    expect([0, 1, 2, 3, 4, 10].map((a) => backoffDelayMs(a, noWait))).toEqual([100, 200, 400, 800, 1000, 1000]);
  });
});

describe("retryWithBackoff", () => {
  it("tries again after each failure, waiting the backoff, until it succeeds", async () => {
    const waits: number[] = [];
    const retries: string[] = [];
    const result = await retryWithBackoff(
      async (attempt) => {
        if (attempt < 3) throw new Error(`fail ${attempt}`);
        return "done";
      },
      { ...noWait, sleep: async (ms) => void waits.push(ms), onRetry: (reason, delay) => retries.push(`${reason} → ${delay}`) },
    );
    expect(result).toBe("done");
    expect(waits).toEqual([100, 200, 400]);
    expect(retries).toEqual(["fail 0 → 100", "fail 1 → 200", "fail 2 → 400"]);
  });

  it("throws a permanent failure at once, without waiting", async () => {
    const waits: number[] = [];
    const permanent = new Error("bad request");
    await expect(
      retryWithBackoff(async () => Promise.reject(permanent), {
        ...noWait,
        isRetriable: (e) => e !== permanent,
        sleep: async (ms) => void waits.push(ms),
      }),
    ).rejects.toBe(permanent);
    expect(waits).toEqual([]);
  });

  it("throws the last failure once out of tries", async () => {
    let tries = 0;
    await expect(
      retryWithBackoff(async () => Promise.reject(new Error(`try ${++tries}`)), { ...noWait, maxAttempts: 3, sleep: async () => {} }),
    ).rejects.toThrow("try 3");
    expect(tries).toBe(3);
  });

  it("stops retrying once stopped, throwing the failure it had", async () => {
    let stopped = false;
    let tries = 0;
    await expect(
      retryWithBackoff(async () => Promise.reject(new Error(`try ${++tries}`)), {
        ...noWait,
        isStopped: () => stopped,
        sleep: async () => {
          stopped = true;
        },
      }),
    ).rejects.toThrow("try 1");
    expect(tries).toBe(1);
  });
});
