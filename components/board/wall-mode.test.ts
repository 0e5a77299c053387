import { describe, expect, it } from "vitest";
import { applyWallParam, decideWallKey, isWallRequested, type WallKeyPress } from "./wall-mode";

const PLAIN: WallKeyPress = {
  key: "f",
  ctrlKey: false,
  metaKey: false,
  altKey: false,
  repeat: false,
  defaultPrevented: false,
  editable: false,
};

describe("decideWallKey", () => {
  it("enters on F and leaves on F again, either case", () => {
    expect(decideWallKey(PLAIN, false)).toBe("enter");
    expect(decideWallKey({ ...PLAIN, key: "F" }, false)).toBe("enter");
    expect(decideWallKey(PLAIN, true)).toBe("leave");
  });

  it("leaves on Escape, which does nothing outside wall mode", () => {
    expect(decideWallKey({ ...PLAIN, key: "Escape" }, true)).toBe("leave");
    expect(decideWallKey({ ...PLAIN, key: "Escape" }, false)).toBeNull();
  });

  it("ignores modified, held, typed and already used keys, and other keys", () => {
    expect(decideWallKey({ ...PLAIN, ctrlKey: true }, false)).toBeNull();
    expect(decideWallKey({ ...PLAIN, metaKey: true }, false)).toBeNull();
    expect(decideWallKey({ ...PLAIN, altKey: true }, true)).toBeNull();
    expect(decideWallKey({ ...PLAIN, repeat: true }, false)).toBeNull();
    expect(decideWallKey({ ...PLAIN, editable: true }, false)).toBeNull();
    expect(decideWallKey({ ...PLAIN, key: "Escape", defaultPrevented: true }, true)).toBeNull();
    expect(decideWallKey({ ...PLAIN, key: "g" }, false)).toBeNull();
  });
});

describe("applyWallParam", () => {
  it("adds wall=1 and keeps other parameters and the hash", () => {
    expect(applyWallParam("http://host/?range=1h#top", true)).toBe("/?range=1h&wall=1#top");
  });

  it("removes only the wall parameter", () => {
    expect(applyWallParam("http://host/?wall=1&range=1h", false)).toBe("/?range=1h");
    expect(applyWallParam("http://host/?wall=1", false)).toBe("/");
  });
});

describe("isWallRequested", () => {
  it("accepts 1 and true, the first of repeated values", () => {
    expect(isWallRequested("1")).toBe(true);
    expect(isWallRequested("true")).toBe(true);
    expect(isWallRequested(["1", "0"])).toBe(true);
  });

  it("refuses anything else", () => {
    expect(isWallRequested(undefined)).toBe(false);
    expect(isWallRequested("0")).toBe(false);
    expect(isWallRequested("yes")).toBe(false);
    expect(isWallRequested([])).toBe(false);
  });
});
