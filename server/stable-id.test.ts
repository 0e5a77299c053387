import { describe, expect, it } from "vitest";
import { stableUuidOf } from "./stable-id";

describe("stableUuidOf", () => {
  it("gives the same UUID-shaped id for the same text and another for other text", () => {
    const id = stableUuidOf("events.pune/0@41");
    expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-a[0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(stableUuidOf("events.pune/0@41")).toBe(id);
    expect(stableUuidOf("events.pune/0@42")).not.toBe(id);
  });
});
