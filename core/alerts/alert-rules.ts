import { z } from "zod";
import { ALERT_IMPACTS } from "../metrics/health-score";
import { ALERT_CHANNELS, alertNotifiedSchema } from "./alert-channels";
import { alertLiveSchema, alertPeakSchema } from "./alert-live";
import { METRIC_NAMES, METRIC_THRESHOLDS, type MetricName } from "../metrics/thresholds";
import { REGION_IDS } from "../routing/regions";

export { ALERT_CHANNELS, type AlertChannel } from "./alert-channels";

export const ALERT_SEVERITIES = ["warning", "critical"] as const;
export type AlertSeverity = (typeof ALERT_SEVERITIES)[number];

export const ALERT_STATES = ["firing", "acknowledged", "resolved"] as const;
export type AlertState = (typeof ALERT_STATES)[number];

/** Metrics the engine measures today; the others (network, disk) have no source yet, so no samples. */
export const MEASURED_METRICS: readonly MetricName[] = [
  "processing_latency_ms",
  "events_per_second",
  "error_rate_percent",
  "memory_utilization_percent",
  "consumer_lag_messages",
  "inter_region_latency_ms",
  "spilled_in_error_rate_percent",
];

/** A rule as an operator writes it; validated with a reason for every bad field. */
export const alertRuleInputSchema = z
  .object({
    name: z.string().trim().min(1, "must not be empty").max(100, "must be at most 100 characters"),
    metric: z.enum(METRIC_NAMES, { error: `must be one of ${METRIC_NAMES.join(", ")}` }),
    /** null: every region, each evaluated on its own. */
    region: z.enum(REGION_IDS, { error: `must be one of ${REGION_IDS.join(", ")} or null for every region` }).nullable(),
    direction: z.enum(["above", "below"], { error: 'must be "above" or "below"' }),
    warning: z.number({ error: "must be a number" }).finite("must be a finite number"),
    critical: z.number({ error: "must be a number" }).finite("must be a finite number"),
    /** Hysteresis: a firing alert resolves only once the metric is back on the good side of this (defaults to `warning`). */
    clearThreshold: z.number({ error: "must be a number" }).finite("must be a finite number").nullable().default(null),
    windowSeconds: z.number().int("must be whole seconds").min(10, "must be at least 10 seconds").max(3600, "must be at most 3600 seconds"),
    channels: z.array(z.enum(ALERT_CHANNELS, { error: `each must be one of ${ALERT_CHANNELS.join(", ")}` })).max(ALERT_CHANNELS.length),
    impact: z.enum(ALERT_IMPACTS, { error: `must be one of ${ALERT_IMPACTS.join(", ")}` }),
    runbookUrl: z.url({ protocol: /^https?$/, error: "must be an http(s) URL" }),
    /** Unacknowledged this long after firing: escalated (a second notification). 0 never escalates. */
    escalateAfterSeconds: z
      .number()
      .int("must be whole seconds")
      .min(0, "must not be negative")
      .max(86_400, "must be at most a day")
      .default(600),
    enabled: z.boolean().default(true),
  })
  .superRefine((rule, ctx) => {
    const worse = rule.direction === "above" ? rule.critical >= rule.warning : rule.critical <= rule.warning;
    if (!worse)
      ctx.addIssue({
        code: "custom",
        path: ["critical"],
        message: `must be at or beyond warning in the bad direction (${rule.direction})`,
      });
    if (rule.clearThreshold !== null) {
      const better = rule.direction === "above" ? rule.clearThreshold <= rule.warning : rule.clearThreshold >= rule.warning;
      if (!better) ctx.addIssue({ code: "custom", path: ["clearThreshold"], message: "must be at or on the good side of warning" });
    }
  });

export type AlertRuleInput = z.input<typeof alertRuleInputSchema>;
export type AlertRuleFields = z.output<typeof alertRuleInputSchema>;
export interface AlertRule extends AlertRuleFields {
  id: string;
}

function thresholdsOf(metric: MetricName) {
  const { warning, critical, direction } = METRIC_THRESHOLDS[metric];
  return { warning, critical, direction };
}

const RUNBOOKS = "https://runbooks.signalbox.example/alerts";

/** SPEC section 5's five default rules, with the thresholds of its table, and one for errors that follow the viewers (section 2). */
export const DEFAULT_ALERT_RULES: readonly AlertRuleFields[] = [
  {
    name: "Error rate",
    metric: "error_rate_percent",
    ...thresholdsOf("error_rate_percent"),
    windowSeconds: 120,
    channels: ["pagerduty", "slack", "sms"],
    impact: "HIGH",
    runbookUrl: `${RUNBOOKS}/error-rate`,
  },
  {
    name: "Processing latency",
    metric: "processing_latency_ms",
    ...thresholdsOf("processing_latency_ms"),
    windowSeconds: 300,
    channels: ["slack", "email"],
    impact: "MEDIUM",
    runbookUrl: `${RUNBOOKS}/latency`,
  },
  {
    name: "Consumer lag",
    metric: "consumer_lag_messages",
    ...thresholdsOf("consumer_lag_messages"),
    windowSeconds: 180,
    channels: ["pagerduty", "slack"],
    impact: "HIGH",
    runbookUrl: `${RUNBOOKS}/consumer-lag`,
  },
  {
    name: "Inter-region latency",
    metric: "inter_region_latency_ms",
    ...thresholdsOf("inter_region_latency_ms"),
    windowSeconds: 300,
    channels: ["slack", "email"],
    impact: "MEDIUM",
    runbookUrl: `${RUNBOOKS}/inter-region-latency`,
  },
  {
    name: "Memory",
    metric: "memory_utilization_percent",
    ...thresholdsOf("memory_utilization_percent"),
    windowSeconds: 600,
    channels: ["slack"],
    impact: "LOW",
    runbookUrl: `${RUNBOOKS}/memory`,
  },
  {
    // Section 2's cascade guard keeps the receiving region in routing; this says why, and to whom.
    name: "Errors follow the viewers: likely content or client, not region",
    metric: "spilled_in_error_rate_percent",
    ...thresholdsOf("spilled_in_error_rate_percent"),
    windowSeconds: 60,
    channels: ["pagerduty", "slack"],
    impact: "HIGH",
    runbookUrl: `${RUNBOOKS}/errors-follow-viewers`,
  },
].map((rule) => alertRuleInputSchema.parse({ region: null, ...rule }));

/** An alert as the API and the board show it, with its rule's context. */
export const alertViewSchema = z.object({
  id: z.string(),
  ruleId: z.string(),
  ruleName: z.string(),
  metric: z.enum(METRIC_NAMES),
  region: z.enum(REGION_IDS),
  state: z.enum(ALERT_STATES),
  severity: z.enum(ALERT_SEVERITIES),
  impact: z.enum(ALERT_IMPACTS),
  /** The metric's value when the alert last changed (fired, changed severity, resolved); `live.value` is now. */
  value: z.number(),
  warning: z.number(),
  critical: z.number(),
  direction: z.enum(["above", "below"]),
  windowSeconds: z.number(),
  channels: z.array(z.enum(ALERT_CHANNELS)),
  runbookUrl: z.string(),
  firedAt: z.number(),
  acknowledgedAt: z.number().nullable(),
  acknowledgedBy: z.string().nullable(),
  note: z.string().nullable(),
  escalatedAt: z.number().nullable(),
  resolvedAt: z.number().nullable(),
  flaps: z.number(),
  /** When a silence covering it ends (it notifies nobody until then); null when not silenced. */
  silencedUntil: z.number().nullable(),
  /** The worst value since the window that fired it; null before it was first measured. */
  peak: alertPeakSchema.nullable(),
  /** What the metric says now (active alerts on the board and the API); null where not evaluated here, and once resolved. */
  live: alertLiveSchema.nullable(),
  /** Who its notices reached so far, from its delivery records. */
  notified: alertNotifiedSchema,
});
export type AlertView = z.infer<typeof alertViewSchema>;

/** An alert belongs to a range when it was active at any moment of it: fired before its end, not resolved before its start. */
export function isAlertInRange(alert: Pick<AlertView, "firedAt" | "resolvedAt">, from: number, to: number): boolean {
  return alert.firedAt < to && (alert.resolvedAt === null || alert.resolvedAt >= from);
}

/** A silence as an operator asks for it: by rule and/or region, for a while, with a reason. */
export const silenceInputSchema = z
  .object({
    ruleId: z.uuid({ error: "ruleId must be an alert rule id" }).nullable().default(null),
    region: z
      .enum(REGION_IDS, { error: `region must be one of ${REGION_IDS.join(", ")}` })
      .nullable()
      .default(null),
    reason: z.string().trim().min(1, "reason must say why").max(500, "reason must be at most 500 characters"),
    durationMinutes: z
      .number()
      .int("durationMinutes must be whole minutes")
      .min(1, "durationMinutes must be 1 to 1440")
      .max(1440, "durationMinutes must be 1 to 1440"),
  })
  .strict()
  .refine((s) => s.ruleId !== null || s.region !== null, {
    message: "name a ruleId, a region or both: a silence of everything would hide the room",
    path: ["ruleId"],
  });

export interface Silence {
  id: string;
  ruleId: string | null;
  region: (typeof REGION_IDS)[number] | null;
  reason: string;
  createdBy: string;
  startsAt: number;
  endsAt: number;
}

/** Whether a silence active at `now` covers an alert of `ruleId` in `region` (a null field matches everything). */
export function isSilenced(silences: readonly Silence[], ruleId: string, region: string, now: number): Silence | null {
  return (
    silences.find(
      (s) =>
        s.startsAt <= now && now < s.endsAt && (s.ruleId === null || s.ruleId === ruleId) && (s.region === null || s.region === region),
    ) ?? null
  );
}

const SEVERITY_RANK: Record<AlertSeverity, number> = { critical: 0, warning: 1 };

/**
 * The order the board lists active alerts in: what nobody owns yet first, critical before warning,
 * then newest; an acknowledged alert must never push an unowned critical one out of sight.
 */
export function orderForAttention(alerts: readonly AlertView[]): AlertView[] {
  return [...alerts].sort(
    (a, b) =>
      Number(a.state === "acknowledged") - Number(b.state === "acknowledged") ||
      SEVERITY_RANK[a.severity] - SEVERITY_RANK[b.severity] ||
      b.firedAt - a.firedAt ||
      a.id.localeCompare(b.id),
  );
}
