import { describe, expect, it } from "vitest";
import { describeFeed, STALE_AFTER_MS } from "./feed-state";

describe("describeFeed", () => {
  const receivedAt = 1_764_000_000_000;

  it("is live while snapshots keep arriving, and stale once an open socket has been quiet past 2.5 s", () => {
    expect(STALE_AFTER_MS).toBe(2500);
    expect(describeFeed("live", receivedAt, receivedAt + 1000)).toBe("live");
    expect(describeFeed("live", receivedAt, receivedAt + 2500)).toBe("live");
    expect(describeFeed("live", receivedAt, receivedAt + 2501)).toBe("stale");
    expect(describeFeed("live", receivedAt, receivedAt + 60_000)).toBe("stale");
  });

  it("says what the socket says while it is not connected, however old the data", () => {
    expect(describeFeed("reconnecting", receivedAt, receivedAt + 60_000)).toBe("reconnecting");
    expect(describeFeed("connecting", null, receivedAt)).toBe("connecting");
  });

  it("judges nothing before the first snapshot or before the board's clock runs", () => {
    expect(describeFeed("live", null, receivedAt)).toBe("live");
    expect(describeFeed("live", receivedAt, 0)).toBe("live");
  });
});
