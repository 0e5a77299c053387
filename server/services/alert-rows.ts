import { DELIVERY_KINDS, isAlertChannel, isDeliveryKind, summarizeAlertDeliveries } from "@/core/alerts/alert-channels";
import { alertRuleInputSchema, alertViewSchema, type AlertRule, type AlertView } from "@/core/alerts/alert-rules";
import { AppError } from "../errors";
import type { Prisma } from "../db/generated/client";

export type AlertRuleRow = Prisma.AlertRuleGetPayload<object>;

/** What an alert's view is read with: its rule, and its delivery records for who was notified. */
export const ALERT_ROW_INCLUDE = {
  rule: true,
  transitions: {
    where: { kind: { in: [...DELIVERY_KINDS] } },
    select: { kind: true, channel: true },
    orderBy: [{ at: "asc" }, { id: "asc" }],
  },
} satisfies Prisma.AlertInclude;

export type AlertRow = Prisma.AlertGetPayload<{ include: typeof ALERT_ROW_INCLUDE }>;

/** A stored rule read back through the same schema that admitted it, so a bad row is named, never used. */
export function toAlertRule(row: AlertRuleRow): AlertRule {
  const parsed = alertRuleInputSchema.safeParse({
    name: row.name,
    metric: row.metric,
    region: row.region,
    direction: row.direction,
    warning: row.warning,
    critical: row.critical,
    clearThreshold: row.clearThreshold,
    windowSeconds: row.windowSeconds,
    channels: row.channels,
    impact: row.impact,
    runbookUrl: row.runbookUrl,
    escalateAfterSeconds: row.escalateAfterSeconds,
    enabled: row.enabled,
  });
  if (!parsed.success)
    throw new AppError("internal", `Alert rule ${row.id} in the database is invalid: ${parsed.error.issues[0]?.message}`);
  return { id: row.id, ...parsed.data };
}

/** An alert row with its rule, as the API and the board show it. */
export function toAlertView(row: AlertRow): AlertView {
  const rule = toAlertRule(row.rule);
  return alertViewSchema.parse({
    id: row.id,
    ruleId: rule.id,
    ruleName: rule.name,
    metric: rule.metric,
    region: row.region,
    state: row.state,
    severity: row.severity,
    impact: rule.impact,
    value: row.value,
    warning: rule.warning,
    critical: rule.critical,
    direction: rule.direction,
    windowSeconds: rule.windowSeconds,
    channels: rule.channels,
    runbookUrl: rule.runbookUrl,
    firedAt: row.firedAt.getTime(),
    acknowledgedAt: row.acknowledgedAt?.getTime() ?? null,
    acknowledgedBy: row.acknowledgedBy,
    note: row.note,
    escalatedAt: row.escalatedAt?.getTime() ?? null,
    resolvedAt: row.resolvedAt?.getTime() ?? null,
    flaps: row.flaps,
    silencedUntil: null,
    peak: row.peakValue !== null && row.peakAt !== null ? { value: row.peakValue, at: row.peakAt.getTime() } : null,
    live: null,
    // A caller may read every transition: only the delivery records count, a record of an unknown channel as none.
    notified: summarizeAlertDeliveries(
      row.transitions.flatMap((t) =>
        isDeliveryKind(t.kind) ? [{ kind: t.kind, channel: isAlertChannel(t.channel) ? t.channel : null }] : [],
      ),
    ),
  });
}

/** The columns of a rule's fields. */
export function toAlertRuleData(rule: Omit<AlertRule, "id">) {
  return {
    name: rule.name,
    metric: rule.metric,
    region: rule.region,
    direction: rule.direction,
    warning: rule.warning,
    critical: rule.critical,
    clearThreshold: rule.clearThreshold,
    windowSeconds: rule.windowSeconds,
    channels: rule.channels,
    impact: rule.impact,
    runbookUrl: rule.runbookUrl,
    escalateAfterSeconds: rule.escalateAfterSeconds,
    enabled: rule.enabled,
  };
}
