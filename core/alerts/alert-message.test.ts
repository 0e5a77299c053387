import { describe, expect, it } from "vitest";
import { buildAlertText } from "./alert-message";
import { buildTestAlert, TEST_ALERT_FIRED_AT as FIRED_AT } from "./test-alerts";

const alert = buildTestAlert();

describe("buildAlertText", () => {
  it("gives the value of the alert's last change when nothing newer was measured", () => {
    expect(buildAlertText(alert, "escalated").lines[0]).toBe("Value 4.02%; warning above 2.00%, critical above 5.00% (over 120 s).");
  });

  it("gives an open alert's value now and its peak, so an escalation does not repeat the value it fired with", () => {
    const open = {
      ...alert,
      peak: { value: 19.84, at: FIRED_AT + 60_000 },
      live: { at: FIRED_AT + 600_000, value: 1.35, measuredAt: FIRED_AT + 600_000, level: "ok" as const, sparkline: [] },
    };
    expect(buildAlertText(open, "escalated").lines[0]).toBe(
      "Value 1.35%, peak 19.84%; warning above 2.00%, critical above 5.00% (over 120 s).",
    );
    expect(buildAlertText({ ...open, peak: { value: 1.35, at: FIRED_AT } }, "escalated").lines[0]).toBe(
      "Value 1.35%; warning above 2.00%, critical above 5.00% (over 120 s).",
    );
  });
});
