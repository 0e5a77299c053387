import nodemailer from "nodemailer";
import { ALERT_CHANNELS, CHANNEL_SETTINGS, type AlertChannel, type DeliveryKind } from "@/core/alerts/alert-channels";
import { buildChannelPayload, type AlertNotice } from "@/core/alerts/alert-message";
import type { AlertView } from "@/core/alerts/alert-rules";
import { messageOf } from "../errors";
import { once } from "../once";
import { retryWithBackoff } from "../retry";

/** Where each channel delivers; a channel without its settings is skipped, and the skip is recorded. */
export interface ChannelSettings {
  webhookUrl?: string | undefined;
  slackWebhookUrl?: string | undefined;
  pagerDuty?: { eventsUrl: string; routingKey: string } | undefined;
  email?: { smtpUrl: string; from: string; to: string[] } | undefined;
  sms?: { apiUrl: string; accountSid: string; authToken: string; from: string; to: string[] } | undefined;
}

export interface AlertNotifierOptions {
  channels: ChannelSettings;
  /** Stores what happened to one delivery attempt (the alert's history shows it). */
  record: (alertId: string, outcome: DeliveryKind, note: string, channel: AlertChannel) => Promise<void>;
  log: (message: string) => void;
  maxAttempts?: number;
  /** First retry after this; doubles each attempt, uncapped (five attempts wait 15 × this in all). */
  retryBaseMs?: number;
  timeoutMs?: number;
}

interface Delivery {
  channel: AlertChannel;
  alert: AlertView;
  notice: AlertNotice;
}

/** An endpoint's refusal, with its status: a 4xx other than 429 is permanent, so sending it again cannot help. */
class DeliveryRefused extends Error {
  constructor(
    message: string,
    readonly status: number,
  ) {
    super(message);
  }
}

/** Why a channel was skipped: "SLACK_WEBHOOK_URL is not set". */
function notSet(channel: AlertChannel): string {
  const settings = CHANNEL_SETTINGS[channel];
  return `${settings} ${settings.includes(" and ") ? "are" : "is"} not set`;
}

/** Network errors, timeouts, 5xx and 429 may pass on a later try; any other 4xx will not. */
function isRetriable(error: unknown): boolean {
  return !(error instanceof DeliveryRefused) || error.status >= 500 || error.status === 429;
}

/**
 * Sends alert notices to each of the rule's channels (generic webhook, Slack incoming webhook,
 * PagerDuty Events v2, email over SMTP, SMS through a Twilio-compatible API). A failed delivery is
 * retried with backoff unless the endpoint refused it for good; every attempt's outcome is recorded on the alert.
 */
export class AlertNotifier {
  /** Backoff waits in progress, each with the wake-up that ends it early at close. */
  private readonly waits = new Map<NodeJS.Timeout, () => void>();
  private readonly inFlight = new Set<Promise<void>>();
  private closed = false;

  constructor(private readonly options: AlertNotifierOptions) {}

  /** The channels that have their settings, and so can deliver. */
  configuredChannels(): Set<AlertChannel> {
    const { channels } = this.options;
    const configured: Record<AlertChannel, boolean> = {
      webhook: Boolean(channels.webhookUrl),
      slack: Boolean(channels.slackWebhookUrl),
      pagerduty: Boolean(channels.pagerDuty),
      email: Boolean(channels.email),
      sms: Boolean(channels.sms),
    };
    return new Set(ALERT_CHANNELS.filter((channel) => configured[channel]));
  }

  /** Queues the notice for every channel of the alert's rule. */
  notify(alert: AlertView, notice: AlertNotice): void {
    for (const channel of alert.channels) this.start({ channel, alert, notice });
  }

  /** Stops retrying and waits for deliveries on their way; a second call waits for the first. */
  readonly close = once(async () => {
    this.closed = true;
    for (const [timer, wake] of this.waits) {
      clearTimeout(timer);
      wake();
    }
    this.waits.clear();
    await Promise.allSettled([...this.inFlight]);
  });

  private start(delivery: Delivery): void {
    const running = this.deliver(delivery).finally(() => this.inFlight.delete(running));
    this.inFlight.add(running);
  }

  private async deliver(delivery: Delivery): Promise<void> {
    const { channel, alert, notice } = delivery;
    const label = `${notice} via ${channel}`;
    const maxAttempts = this.options.maxAttempts ?? 5;
    const retry = {
      maxAttempts,
      initialMs: this.options.retryBaseMs ?? 1000,
      maxMs: Number.POSITIVE_INFINITY,
      isRetriable,
      isStopped: () => this.closed,
      sleep: (ms: number) => this.wait(ms),
    };
    try {
      await retryWithBackoff(async (index) => {
        const attempt = index + 1;
        let reason: string | null;
        try {
          reason = await this.send(delivery);
        } catch (error) {
          const again = attempt < maxAttempts && !this.closed && isRetriable(error);
          await this.safeRecord(
            alert.id,
            channel,
            "delivery_failed",
            `${label}, attempt ${attempt} of ${maxAttempts}: ${messageOf(error)}${again ? "; retrying" : "; giving up"}`,
          );
          throw error;
        }
        if (reason !== null) await this.safeRecord(alert.id, channel, "delivery_skipped", `${label}: ${reason}`);
        else await this.safeRecord(alert.id, channel, "delivered", `${label}${attempt > 1 ? ` (attempt ${attempt})` : ""}`);
      }, retry);
    } catch {
      // Every failed attempt is recorded on the alert already; the last one said it gave up.
    }
  }

  /** A backoff wait that close() ends at once. */
  private wait(ms: number): Promise<void> {
    return new Promise((resolve) => {
      const timer = setTimeout(() => {
        this.waits.delete(timer);
        resolve();
      }, ms);
      this.waits.set(timer, resolve);
    });
  }

  private async safeRecord(alertId: string, channel: AlertChannel, outcome: DeliveryKind, note: string): Promise<void> {
    try {
      await this.options.record(alertId, outcome, note, channel);
    } catch (error) {
      this.options.log(`[alerts] could not record "${note}" for alert ${alertId}: ${messageOf(error)}`);
    }
  }

  /** Sends one delivery; returns why it was skipped (not configured), or null once sent. */
  private async send({ channel, alert, notice }: Delivery): Promise<string | null> {
    const { channels } = this.options;
    switch (channel) {
      case "webhook":
        if (!channels.webhookUrl) return notSet("webhook");
        await this.postJson(channels.webhookUrl, buildChannelPayload("webhook", alert, notice));
        return null;
      case "slack":
        if (!channels.slackWebhookUrl) return notSet("slack");
        await this.postJson(channels.slackWebhookUrl, buildChannelPayload("slack", alert, notice));
        return null;
      case "pagerduty":
        if (!channels.pagerDuty) return notSet("pagerduty");
        await this.postJson(channels.pagerDuty.eventsUrl, buildChannelPayload("pagerduty", alert, notice, channels.pagerDuty.routingKey));
        return null;
      case "email": {
        if (!channels.email) return notSet("email");
        const { subject, text } = buildChannelPayload("email", alert, notice) as { subject: string; text: string };
        const url = new URL(channels.email.smtpUrl);
        const timeout = this.options.timeoutMs ?? 5000;
        const transport = nodemailer.createTransport({
          host: url.hostname,
          port: Number(url.port || (url.protocol === "smtps:" ? 465 : 25)),
          secure: url.protocol === "smtps:",
          ...(url.username ? { auth: { user: decodeURIComponent(url.username), pass: decodeURIComponent(url.password) } } : {}),
          // An SMTP server that does not answer must fail the attempt in seconds, not nodemailer's minutes.
          connectionTimeout: timeout,
          greetingTimeout: timeout,
          socketTimeout: timeout,
        });
        try {
          await transport.sendMail({ from: channels.email.from, to: channels.email.to, subject, text });
        } finally {
          transport.close();
        }
        return null;
      }
      case "sms": {
        if (!channels.sms) return notSet("sms");
        const { apiUrl, accountSid, authToken, from, to } = channels.sms;
        const body = buildChannelPayload("sms", alert, notice) as string;
        for (const number of to) {
          await this.post(
            `${apiUrl.replace(/\/$/, "")}/2010-04-01/Accounts/${accountSid}/Messages.json`,
            new URLSearchParams({ To: number, From: from, Body: body }),
            {
              "content-type": "application/x-www-form-urlencoded",
              authorization: `Basic ${Buffer.from(`${accountSid}:${authToken}`).toString("base64")}`,
            },
          );
        }
        return null;
      }
    }
  }

  private postJson(url: string, payload: unknown): Promise<void> {
    return this.post(url, JSON.stringify(payload), { "content-type": "application/json" });
  }

  private async post(url: string, body: string | URLSearchParams, headers: Record<string, string>): Promise<void> {
    const response = await fetch(url, { method: "POST", headers, body, signal: AbortSignal.timeout(this.options.timeoutMs ?? 5000) });
    if (!response.ok)
      throw new DeliveryRefused(
        `HTTP ${response.status} from ${new URL(url).host}: ${(await response.text()).slice(0, 200)}`,
        response.status,
      );
  }
}
