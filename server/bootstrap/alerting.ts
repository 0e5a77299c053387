import { randomUUID } from "node:crypto";
import type { Redis } from "ioredis";
import type { DeliveryRecord } from "@/core/alerts/alert-channels";
import { describeSilencedNotice, noticeFor } from "@/core/alerts/alert-notices";
import type { Env } from "../env";
import { AlertNotifier } from "../notify/alert-notifier";
import { recordAlertDelivery } from "../services/record-alert-delivery";
import { broadcastAlerts, type BoardServer } from "../socket/board-socket";
import { AlertEngine } from "../workers/alert-engine";
import type { BackgroundWrites } from "../workers/background-writes";
import type { Infrastructure } from "./infrastructure";
import { log } from "./log";

// Renews the lease only if this process still holds it, in one step.
const RENEW_LEASE = `if redis.call('GET', KEYS[1]) == ARGV[1] then return redis.call('PEXPIRE', KEYS[1], ARGV[2]) else return 0 end`;
const ALERT_LEASE_MS = 5000;

/** A lease in Redis that one process at a time holds (taken when free, renewed while held), so alerts are evaluated once. */
function holdAlertLease(redis: Redis, key: string): () => Promise<boolean> {
  const holder = randomUUID();
  return async () => {
    if ((await redis.set(key, holder, "PX", ALERT_LEASE_MS, "NX")) === "OK") return true;
    return (await redis.eval(RENEW_LEASE, 1, key, holder, ALERT_LEASE_MS)) === 1;
  };
}

export interface Alerting {
  engine: AlertEngine;
  notifier: AlertNotifier;
}

function createNotifier(
  env: Env,
  infrastructure: Infrastructure,
  onRecorded: (alertId: string, record: DeliveryRecord) => void,
): AlertNotifier {
  return new AlertNotifier({
    channels: {
      webhookUrl: env.ALERT_WEBHOOK_URL,
      slackWebhookUrl: env.SLACK_WEBHOOK_URL,
      pagerDuty: env.PAGERDUTY_ROUTING_KEY ? { eventsUrl: env.PAGERDUTY_EVENTS_URL, routingKey: env.PAGERDUTY_ROUTING_KEY } : undefined,
      email:
        env.SMTP_URL && env.ALERT_EMAIL_TO?.length
          ? { smtpUrl: env.SMTP_URL, from: env.ALERT_EMAIL_FROM, to: env.ALERT_EMAIL_TO }
          : undefined,
      sms:
        env.TWILIO_ACCOUNT_SID && env.TWILIO_AUTH_TOKEN && env.TWILIO_FROM && env.ALERT_SMS_TO?.length
          ? {
              apiUrl: env.TWILIO_API_URL,
              accountSid: env.TWILIO_ACCOUNT_SID,
              authToken: env.TWILIO_AUTH_TOKEN,
              from: env.TWILIO_FROM,
              to: env.ALERT_SMS_TO,
            }
          : undefined,
    },
    record: async (alertId, outcome, note, channel) => {
      await recordAlertDelivery(infrastructure.database.prisma, alertId, outcome, note, Date.now(), channel);
      onRecorded(alertId, { kind: outcome, channel });
    },
    log,
  });
}

/**
 * The alert engine (loaded from the database; with Redis and Kafka only the lease holder evaluates) and
 * the notifier: every change goes to dashboards, and the changes that notify go to the channels, or
 * are recorded as skipped while a silence covers the alert.
 */
export async function startAlerting(
  env: Env,
  infrastructure: Infrastructure,
  io: BoardServer,
  backgroundWrites: BackgroundWrites,
): Promise<Alerting> {
  const { database, redis, kafka } = infrastructure;
  // Deliveries are recorded only after the engine reported a change, so it exists by then.
  const noteDelivery = (alertId: string, record: DeliveryRecord) => engine.noteDelivery(alertId, record);
  const notifier = createNotifier(env, infrastructure, noteDelivery);
  const engine = await AlertEngine.start(
    {
      prisma: database.prisma,
      log,
      ...(redis && kafka ? { holdsLease: holdAlertLease(redis, `${env.REDIS_KEY_PREFIX}:alerts-lease`) } : {}),
      onChange: (alert, change, silence) => {
        // The engine exists by the time it reports a change: it only does so while evaluating.
        broadcastAlerts(io, { at: Date.now(), alerts: engine.active() });
        const notice = noticeFor(change);
        if (!notice) return;
        if (!silence) {
          notifier.notify(alert, notice);
          return;
        }
        const note = describeSilencedNotice(notice, silence);
        backgroundWrites.track(
          "record a silenced notice",
          recordAlertDelivery(database.prisma, alert.id, "delivery_skipped", note, Date.now(), null).then(() =>
            noteDelivery(alert.id, { kind: "delivery_skipped", channel: null }),
          ),
        );
      },
    },
    Date.now(),
  );
  return { engine, notifier };
}
