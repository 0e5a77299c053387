import { describe, expect, it } from "vitest";
import { describeSilencedNotice, noticeFor, type AlertChange } from "./alert-notices";

describe("alert notices", () => {
  it("announces a fire, an escalation, an acknowledgement and a resolution; a reopen and a severity change stay quiet", () => {
    const changes: AlertChange[] = ["fire", "reopen", "severity", "escalate", "acknowledge", "resolve"];
    expect(changes.map((change) => [change, noticeFor(change)])).toEqual([
      ["fire", "fired"],
      ["reopen", null],
      ["severity", null],
      ["escalate", "escalated"],
      ["acknowledge", "acknowledged"],
      ["resolve", "resolved"],
    ]);
  });

  it("notes a silenced notice with the silence's end, author and reason", () => {
    const silence = { endsAt: Date.UTC(2026, 10, 26, 15, 30), createdBy: "asha", reason: "planned maintenance" };
    expect(describeSilencedNotice("fired", silence)).toBe("fired: silenced until 2026-11-26T15:30:00.000Z by asha (planned maintenance)");
  });
});
