import { describe, expect, it } from "vitest";
import { formatReplayGuard } from "./dlq-format";

describe("the replay-count guard in the DLQ table", () => {
  it("counts replays against the limit while there is room", () => {
    expect(formatReplayGuard(2, 5)).toEqual({ text: "2 of 5", reached: false });
  });

  it("marks an entry that reached the limit, which a replay refuses", () => {
    expect(formatReplayGuard(5, 5)).toEqual({ text: "guard: 5 of 5 replays", reached: true });
  });
});
