import { describe, expect, it } from "vitest";
import { chooseSignInDestination } from "./sign-in-destination";

const ORIGIN = "https://signalbox.example";

describe("chooseSignInDestination", () => {
  it("keeps a path on this site with its query and hash", () => {
    expect(chooseSignInDestination("/alerts?region=pune#top", ORIGIN)).toBe("/alerts?region=pune#top");
  });

  it.each([
    ["//evil.example/x"],
    ["/\\evil.example"],
    ["/\t/evil.example"],
    ["/\n/evil.example"],
    ["https://evil.example/"],
    ["javascript:alert(1)"],
    [""],
  ])("sends %j to the board instead of off the site", (next) => {
    expect(chooseSignInDestination(next, ORIGIN)).toBe("/");
  });

  it("goes to the board without a next", () => {
    expect(chooseSignInDestination(null, ORIGIN)).toBe("/");
  });
});
