/**
 * Where alert notices go, and what became of them: which channels are configured, each one's last
 * delivery, and who an alert's notices reached, read from its delivery records.
 */
import { z } from "zod";

export const ALERT_CHANNELS = ["webhook", "slack", "pagerduty", "email", "sms"] as const;
export type AlertChannel = (typeof ALERT_CHANNELS)[number];

export function isAlertChannel(value: unknown): value is AlertChannel {
  return (ALERT_CHANNELS as readonly unknown[]).includes(value);
}

/** The settings that configure each channel, as an operator sets them; a channel without them is skipped. */
export const CHANNEL_SETTINGS: Readonly<Record<AlertChannel, string>> = {
  webhook: "ALERT_WEBHOOK_URL",
  slack: "SLACK_WEBHOOK_URL",
  pagerduty: "PAGERDUTY_ROUTING_KEY",
  email: "SMTP_URL and ALERT_EMAIL_TO",
  sms: "TWILIO_ACCOUNT_SID, TWILIO_AUTH_TOKEN, TWILIO_FROM and ALERT_SMS_TO",
};

/** How a notification attempt ended, as its record on the alert's history is named. */
export const DELIVERY_KINDS = ["delivered", "delivery_failed", "delivery_skipped"] as const;
export type DeliveryKind = (typeof DELIVERY_KINDS)[number];

export function isDeliveryKind(kind: string): kind is DeliveryKind {
  return (DELIVERY_KINDS as readonly string[]).includes(kind);
}

/** The same ending in a word for people and the wire. */
export const DELIVERY_OUTCOMES = ["delivered", "failed", "skipped"] as const;
export type DeliveryOutcomeWord = (typeof DELIVERY_OUTCOMES)[number];

const OUTCOME_WORDS: Readonly<Record<DeliveryKind, DeliveryOutcomeWord>> = {
  delivered: "delivered",
  delivery_failed: "failed",
  delivery_skipped: "skipped",
};

export function describeDeliveryKind(kind: DeliveryKind): DeliveryOutcomeWord {
  return OUTCOME_WORDS[kind];
}

/** One notification attempt: its channel, or null when a silence held the notice back before any channel was tried. */
export interface DeliveryRecord {
  kind: DeliveryKind;
  channel: AlertChannel | null;
}

const channelListSchema = z.array(z.enum(ALERT_CHANNELS));

/**
 * Who an alert's notices reached so far. A channel is `delivered` once it took any notice; until
 * then it is `failed` or `skipped` (not configured) by its latest attempt.
 */
export const alertNotifiedSchema = z.object({
  delivered: channelListSchema,
  failed: channelListSchema,
  skipped: channelListSchema,
  /** A silence held a notice back. */
  silenced: z.boolean(),
});
export type AlertNotified = z.infer<typeof alertNotifiedSchema>;

export const NOT_NOTIFIED_YET: AlertNotified = { delivered: [], failed: [], skipped: [], silenced: false };

/** `list` with `channel` added (or removed), in ALERT_CHANNELS order. */
function withChannel(list: readonly AlertChannel[], channel: AlertChannel, present: boolean): AlertChannel[] {
  return ALERT_CHANNELS.filter((c) => (c === channel ? present : list.includes(c)));
}

/** The summary after one more attempt. */
export function addAlertDelivery(notified: AlertNotified, record: DeliveryRecord): AlertNotified {
  const { channel } = record;
  if (channel === null) return record.kind === "delivery_skipped" ? { ...notified, silenced: true } : notified;
  if (record.kind === "delivered") {
    return {
      ...notified,
      delivered: withChannel(notified.delivered, channel, true),
      failed: withChannel(notified.failed, channel, false),
      skipped: withChannel(notified.skipped, channel, false),
    };
  }
  if (notified.delivered.includes(channel)) return notified;
  const failed = record.kind === "delivery_failed";
  return {
    ...notified,
    failed: withChannel(notified.failed, channel, failed),
    skipped: withChannel(notified.skipped, channel, !failed),
  };
}

/** The summary of an alert's attempts, oldest first. */
export function summarizeAlertDeliveries(records: readonly DeliveryRecord[]): AlertNotified {
  return records.reduce(addAlertDelivery, NOT_NOTIFIED_YET);
}

/** Notices went out (or were held back by a silence) and no channel took one: nobody was told. */
export function isNobodyNotified(notified: AlertNotified): boolean {
  const tried = notified.failed.length + notified.skipped.length > 0 || notified.silenced;
  return tried && notified.delivered.length === 0;
}

/** A channel's most recent attempt, whatever alert it was for. */
export const lastDeliverySchema = z.object({
  outcome: z.enum(DELIVERY_OUTCOMES),
  at: z.number(),
  note: z.string().nullable(),
  alertId: z.string(),
});
export type LastDelivery = z.infer<typeof lastDeliverySchema>;

export const alertChannelStatusSchema = z.object({
  channel: z.enum(ALERT_CHANNELS),
  configured: z.boolean(),
  /** What configures it, for an operator to set. */
  settings: z.string(),
  /** Enabled rules that name it. */
  rules: z.number(),
  last: lastDeliverySchema.nullable(),
});
export type AlertChannelStatus = z.infer<typeof alertChannelStatusSchema>;

export const alertChannelsResponseSchema = z.object({ channels: z.array(alertChannelStatusSchema) });
export type AlertChannelsResponse = z.infer<typeof alertChannelsResponseSchema>;

/** Every channel, in ALERT_CHANNELS order: configured or not, how many enabled rules name it, and its last attempt. */
export function describeAlertChannels(
  configured: ReadonlySet<AlertChannel>,
  rules: ReadonlyArray<{ channels: readonly AlertChannel[]; enabled: boolean }>,
  last: ReadonlyMap<AlertChannel, LastDelivery>,
): AlertChannelStatus[] {
  return ALERT_CHANNELS.map((channel) => ({
    channel,
    configured: configured.has(channel),
    settings: CHANNEL_SETTINGS[channel],
    rules: rules.filter((rule) => rule.enabled && rule.channels.includes(channel)).length,
    last: last.get(channel) ?? null,
  }));
}
