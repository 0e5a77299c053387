import { describe, expect, it } from "vitest";
import { withTimeout } from "./with-timeout";

describe("withTimeout", () => {
  it("answers with the promise's value when it settles in time", async () => {
    await expect(withTimeout(Promise.resolve(42), 1000, "the answer")).resolves.toBe(42);
  });

  it("passes the promise's own rejection through", async () => {
    await expect(withTimeout(Promise.reject(new Error("refused")), 1000, "the database")).rejects.toThrow("refused");
  });

  it("rejects naming what did not answer once the deadline passes", async () => {
    await expect(withTimeout(new Promise(() => {}), 10, 'shutdown step "bus"')).rejects.toThrow(
      'shutdown step "bus" did not answer within 10 ms',
    );
  });
});
