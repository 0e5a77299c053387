import { createServer, type IncomingMessage, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { SMTPServer } from "smtp-server";
import { afterEach, describe, expect, it } from "vitest";
import type { DeliveryKind } from "@/core/alerts/alert-channels";
import { buildTestAlert, TEST_ALERT_FIRED_AT as FIRED_AT } from "@/core/alerts/test-alerts";
import { waitFor } from "../testing/spawn-server";
import { AlertNotifier } from "./alert-notifier";

const alert = buildTestAlert({
  id: "6f1c1f3e-1b0a-4a5e-9a53-6f3f0d5f8a01",
  ruleId: "r-1",
  severity: "critical",
  value: 6.25,
  channels: ["webhook", "slack", "pagerduty", "sms", "email"],
});

interface Received {
  path: string;
  headers: IncomingMessage["headers"];
  body: string;
}

const cleanups: Array<() => Promise<void>> = [];
afterEach(async () => {
  while (cleanups.length) await cleanups.pop()!();
});

/** A local HTTP receiver; the first requests get the statuses of `answers`, the rest 202. */
async function startReceiver(answers: readonly number[] = []): Promise<{ url: string; received: Received[] }> {
  const received: Received[] = [];
  const failures = [...answers];
  const server: Server = createServer((request, response) => {
    let body = "";
    request.on("data", (chunk: Buffer) => (body += chunk.toString()));
    request.on("end", () => {
      received.push({ path: request.url ?? "", headers: request.headers, body });
      const status = failures.shift();
      if (status !== undefined) {
        response.writeHead(status).end("receiver down");
      } else {
        response.writeHead(202).end("{}");
      }
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  cleanups.push(() => new Promise((resolve) => server.close(() => resolve())));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, received };
}

async function startSmtp(): Promise<{ url: string; mails: Array<{ from: string; to: string[]; data: string }> }> {
  const mails: Array<{ from: string; to: string[]; data: string }> = [];
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ["STARTTLS"],
    onData(stream, session, callback) {
      let data = "";
      stream.on("data", (chunk: Buffer) => (data += chunk.toString()));
      stream.on("end", () => {
        mails.push({
          from: session.envelope.mailFrom ? session.envelope.mailFrom.address : "",
          to: session.envelope.rcptTo.map((r) => r.address),
          data,
        });
        callback();
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  cleanups.push(() => new Promise((resolve) => server.close(() => resolve())));
  return { url: `smtp://127.0.0.1:${(server.server.address() as AddressInfo).port}`, mails };
}

/** A notifier with only the webhook configured, recording each outcome in order. */
function createWebhookNotifier(url: string, retryBaseMs: number): { notifier: AlertNotifier; records: Array<[DeliveryKind, string]> } {
  const records: Array<[DeliveryKind, string]> = [];
  const notifier = new AlertNotifier({
    channels: { webhookUrl: `${url}/hook` },
    record: async (_id, outcome, note) => void records.push([outcome, note]),
    log: () => {},
    retryBaseMs,
  });
  return { notifier, records };
}

describe("AlertNotifier", () => {
  it("delivers each channel's own payload to its receiver and records every delivery", async () => {
    const http = await startReceiver();
    const smtp = await startSmtp();
    const records: Array<[string, DeliveryKind, string, string]> = [];
    const notifier = new AlertNotifier({
      channels: {
        webhookUrl: `${http.url}/hook`,
        slackWebhookUrl: `${http.url}/slack`,
        pagerDuty: { eventsUrl: `${http.url}/v2/enqueue`, routingKey: "R0UT1NG" },
        sms: { apiUrl: http.url, accountSid: "AC123", authToken: "secret", from: "+911100000000", to: ["+919800000001"] },
        email: { smtpUrl: smtp.url, from: "signalbox@example.in", to: ["oncall@example.in"] },
      },
      record: async (id, outcome, note, channel) => void records.push([id, outcome, note, channel]),
      log: () => {},
    });
    expect([...notifier.configuredChannels()]).toEqual(["webhook", "slack", "pagerduty", "email", "sms"]);
    notifier.notify(alert, "fired");
    await waitFor(
      async () => records.length,
      (n) => n === 5,
      10_000,
    );
    await notifier.close();

    expect(records.sort()).toEqual(
      ["email", "pagerduty", "slack", "sms", "webhook"].map((channel) => [alert.id, "delivered", `fired via ${channel}`, channel]),
    );
    const byPath = new Map(http.received.map((r) => [r.path, r]));
    const title = "[FIRING] Error rate in Pune (critical, HIGH impact)";
    const lines = [
      "Value 6.25%; warning above 2.00%, critical above 5.00% (over 120 s).",
      "Fired 2026-11-26 21:04:05 IST.",
      "Runbook: https://runbooks.example/error-rate",
    ];
    expect(JSON.parse(byPath.get("/hook")!.body)).toEqual({ notice: "fired", title, text: lines.join("\n"), alert });
    expect(JSON.parse(byPath.get("/slack")!.body).text).toBe(`${title}\n${lines.join("\n")}`);
    expect(JSON.parse(byPath.get("/v2/enqueue")!.body)).toMatchObject({
      routing_key: "R0UT1NG",
      event_action: "trigger",
      dedup_key: alert.id,
      payload: {
        summary: title,
        source: "signalbox/pune",
        severity: "critical",
        timestamp: new Date(FIRED_AT).toISOString(),
        group: "pune",
      },
      links: [{ href: "https://runbooks.example/error-rate", text: "Runbook" }],
    });
    const sms = byPath.get("/2010-04-01/Accounts/AC123/Messages.json")!;
    expect(sms.headers.authorization).toBe(`Basic ${Buffer.from("AC123:secret").toString("base64")}`);
    expect(Object.fromEntries(new URLSearchParams(sms.body))).toEqual({
      To: "+919800000001",
      From: "+911100000000",
      Body: `${title}. ${lines[0]} ${lines[2]}`,
    });
    expect(smtp.mails.map((m) => [m.from, m.to])).toEqual([["signalbox@example.in", ["oncall@example.in"]]]);
    expect(smtp.mails[0]!.data).toContain(`Subject: ${title}`);
    expect(smtp.mails[0]!.data).toContain("Fired 2026-11-26 21:04:05 IST.");
  });

  it("retries a failing receiver with backoff, recording each failure, and records the delivery that got through", async () => {
    const http = await startReceiver([500, 500]);
    const { notifier, records } = createWebhookNotifier(http.url, 20);
    notifier.notify({ ...alert, channels: ["webhook", "slack"] }, "resolved");
    await waitFor(
      async () => records.length,
      (n) => n === 4,
      10_000,
    );
    await notifier.close();
    expect(records).toEqual([
      ["delivery_skipped", "resolved via slack: SLACK_WEBHOOK_URL is not set"],
      ["delivery_failed", `resolved via webhook, attempt 1 of 5: HTTP 500 from ${new URL(http.url).host}: receiver down; retrying`],
      ["delivery_failed", `resolved via webhook, attempt 2 of 5: HTTP 500 from ${new URL(http.url).host}: receiver down; retrying`],
      ["delivered", "resolved via webhook (attempt 3)"],
    ]);
    expect(http.received).toHaveLength(3);
  });

  it("skips every channel without its settings, naming the channel and what would configure it", async () => {
    const records: Array<[DeliveryKind, string, string]> = [];
    const notifier = new AlertNotifier({
      channels: {},
      record: async (_id, outcome, note, channel) => void records.push([outcome, note, channel]),
      log: () => {},
    });
    expect(notifier.configuredChannels().size).toBe(0);
    notifier.notify({ ...alert, channels: ["pagerduty", "sms"] }, "fired");
    await waitFor(
      async () => records.length,
      (n) => n === 2,
      10_000,
    );
    await notifier.close();
    expect(records.sort()).toEqual([
      ["delivery_skipped", "fired via pagerduty: PAGERDUTY_ROUTING_KEY is not set", "pagerduty"],
      ["delivery_skipped", "fired via sms: TWILIO_ACCOUNT_SID, TWILIO_AUTH_TOKEN, TWILIO_FROM and ALERT_SMS_TO are not set", "sms"],
    ]);
  });

  it.each([
    [400, "a bad request"],
    [404, "a hook that is gone"],
  ])("gives up at once on a %i (%s): the endpoint refused it for good, so it is sent exactly once", async (status) => {
    const http = await startReceiver([status]);
    const { notifier, records } = createWebhookNotifier(http.url, 20);
    notifier.notify({ ...alert, channels: ["webhook"] }, "fired");
    await waitFor(
      async () => records.length,
      (n) => n === 1,
      10_000,
    );
    // "giving up" is recorded only when no retry is scheduled, so the record is the signal.
    await notifier.close();
    expect(records).toEqual([
      ["delivery_failed", `fired via webhook, attempt 1 of 5: HTTP ${status} from ${new URL(http.url).host}: receiver down; giving up`],
    ]);
    expect(http.received).toHaveLength(1);
  });

  it.each([
    [[503, 503, 200], 3],
    [[429, 200], 2],
  ])("retries answers %j that may pass later, delivering on attempt %i", async (answers, attempts) => {
    const http = await startReceiver(answers);
    const { notifier, records } = createWebhookNotifier(http.url, 20);
    notifier.notify({ ...alert, channels: ["webhook"] }, "fired");
    await waitFor(
      async () => records.length,
      (n) => n === attempts,
      10_000,
    );
    await notifier.close();
    const host = new URL(http.url).host;
    expect(records).toEqual([
      ...answers
        .slice(0, attempts - 1)
        .map((status, i) => [
          "delivery_failed",
          `fired via webhook, attempt ${i + 1} of 5: HTTP ${status} from ${host}: receiver down; retrying`,
        ]),
      ["delivered", `fired via webhook (attempt ${attempts})`],
    ]);
    expect(http.received).toHaveLength(attempts);
  });

  it("stops a retry waiting its backoff at close, and a second close waits for the first", async () => {
    const http = await startReceiver([503, 503]);
    const { notifier, records } = createWebhookNotifier(http.url, 60_000);
    notifier.notify({ ...alert, channels: ["webhook"] }, "fired");
    await waitFor(
      async () => records.length,
      (n) => n === 1,
      10_000,
    );
    const started = Date.now();
    const first = notifier.close();
    expect(notifier.close()).toBe(first);
    await first;
    expect(Date.now() - started).toBeLessThan(5_000);
    expect(http.received).toHaveLength(1);
  });
});
