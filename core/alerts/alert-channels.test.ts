import { describe, expect, it } from "vitest";
import {
  addAlertDelivery,
  describeAlertChannels,
  isNobodyNotified,
  NOT_NOTIFIED_YET,
  summarizeAlertDeliveries,
  type DeliveryRecord,
} from "./alert-channels";

describe("summarizeAlertDeliveries", () => {
  it("puts each channel by its attempts: delivered once any got through, else failed or skipped by the latest", () => {
    const records: DeliveryRecord[] = [
      { kind: "delivery_skipped", channel: "sms" },
      { kind: "delivery_failed", channel: "slack" },
      { kind: "delivery_failed", channel: "webhook" },
      { kind: "delivered", channel: "slack" },
      { kind: "delivery_failed", channel: "slack" },
      { kind: "delivery_skipped", channel: "pagerduty" },
    ];
    expect(summarizeAlertDeliveries(records)).toEqual({
      delivered: ["slack"],
      failed: ["webhook"],
      skipped: ["pagerduty", "sms"],
      silenced: false,
    });
  });

  it("marks a notice a silence held back (no channel), and starts from nobody notified", () => {
    expect(summarizeAlertDeliveries([])).toEqual(NOT_NOTIFIED_YET);
    expect(addAlertDelivery(NOT_NOTIFIED_YET, { kind: "delivery_skipped", channel: null })).toEqual({
      ...NOT_NOTIFIED_YET,
      silenced: true,
    });
  });
});

describe("isNobodyNotified", () => {
  it("is true once notices were tried and none got through, whether skipped, failed or silenced", () => {
    expect(isNobodyNotified(summarizeAlertDeliveries([{ kind: "delivery_skipped", channel: "pagerduty" }]))).toBe(true);
    expect(isNobodyNotified(summarizeAlertDeliveries([{ kind: "delivery_failed", channel: "slack" }]))).toBe(true);
    expect(isNobodyNotified({ ...NOT_NOTIFIED_YET, silenced: true })).toBe(true);
  });

  it("is false before any attempt and once any channel took a notice", () => {
    expect(isNobodyNotified(NOT_NOTIFIED_YET)).toBe(false);
    const some = summarizeAlertDeliveries([
      { kind: "delivery_skipped", channel: "pagerduty" },
      { kind: "delivered", channel: "slack" },
    ]);
    expect(isNobodyNotified(some)).toBe(false);
  });
});

describe("describeAlertChannels", () => {
  it("lists every channel with whether it is configured, what configures it, the enabled rules naming it and its last attempt", () => {
    const last = { outcome: "skipped" as const, at: 1000, note: "fired via slack: SLACK_WEBHOOK_URL is not set", alertId: "a1" };
    const channels = describeAlertChannels(
      new Set(["webhook"]),
      [
        { channels: ["pagerduty", "slack", "sms"], enabled: true },
        { channels: ["slack"], enabled: true },
        { channels: ["slack", "email"], enabled: false },
      ],
      new Map([["slack", last]]),
    );
    expect(channels.map((c) => [c.channel, c.configured, c.rules, c.last])).toEqual([
      ["webhook", true, 0, null],
      ["slack", false, 2, last],
      ["pagerduty", false, 1, null],
      ["email", false, 0, null],
      ["sms", false, 1, null],
    ]);
    expect(channels[1]!.settings).toBe("SLACK_WEBHOOK_URL");
  });
});
