import { describe, expect, it } from "vitest";
import { describePausedFeed, isPauseShortcut, type ShortcutKeyEvent } from "./pause";

function press(key: string, target: object | null = { tagName: "BODY" }, extra: Partial<ShortcutKeyEvent> = {}): ShortcutKeyEvent {
  return { key, ctrlKey: false, metaKey: false, altKey: false, repeat: false, target: target as EventTarget, ...extra };
}

describe("isPauseShortcut", () => {
  it("takes P or p pressed on the page or a button", () => {
    expect(isPauseShortcut(press("p"))).toBe(true);
    expect(isPauseShortcut(press("P", { tagName: "BUTTON", closest: () => null }))).toBe(true);
    expect(isPauseShortcut(press("p", { tagName: "INPUT", type: "radio" }))).toBe(true);
  });

  it("leaves other keys, chords, repeats, typing and open dialogs alone", () => {
    expect(isPauseShortcut(press(" "))).toBe(false);
    expect(isPauseShortcut(press("p", undefined, { ctrlKey: true }))).toBe(false);
    expect(isPauseShortcut(press("p", undefined, { metaKey: true }))).toBe(false);
    expect(isPauseShortcut(press("p", undefined, { repeat: true }))).toBe(false);
    expect(isPauseShortcut(press("p", { tagName: "INPUT", type: "text" }))).toBe(false);
    expect(isPauseShortcut(press("p", { tagName: "INPUT", type: "datetime-local" }))).toBe(false);
    expect(isPauseShortcut(press("p", { tagName: "TEXTAREA" }))).toBe(false);
    expect(isPauseShortcut(press("p", { tagName: "DIV", isContentEditable: true }))).toBe(false);
    expect(isPauseShortcut(press("p", { tagName: "BUTTON", closest: (s: string) => (s === "dialog[open]" ? {} : null) }))).toBe(false);
  });
});

describe("describePausedFeed", () => {
  it("says how far live data has moved on, or that the feed is down", () => {
    expect(describePausedFeed(10_000, 22_400, "live")).toBe("live data still arriving, 12s behind");
    expect(describePausedFeed(10_000, 135_000, "stale")).toBe("live feed quiet (stale), 2m 05s behind");
    expect(describePausedFeed(10_000, 10_000, "reconnecting")).toBe("live feed lost, reconnecting; 0s behind");
  });
});
