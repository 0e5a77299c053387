import { alertRuleInputSchema, type AlertChannel, type AlertRule, type AlertRuleInput } from "@/core/alerts/alert-rules";
import type { AlertImpact } from "@/core/metrics/health-score";
import { METRIC_THRESHOLDS, type MetricName } from "@/core/metrics/thresholds";
import type { RegionId } from "@/core/routing/regions";

/** A rule as the form holds it: numbers as typed, so a half-typed value is never lost. */
export interface RuleDraft {
  name: string;
  metric: MetricName;
  /** "" for every region. */
  region: RegionId | "";
  direction: "above" | "below";
  warning: string;
  critical: string;
  /** "" to clear at the warning line. */
  clearThreshold: string;
  windowSeconds: string;
  escalateAfterSeconds: string;
  channels: AlertChannel[];
  impact: AlertImpact;
  runbookUrl: string;
  enabled: boolean;
}

/** A new rule starts from SPEC section 5's thresholds for its metric. */
export function createRuleDraft(metric: MetricName = "error_rate_percent"): RuleDraft {
  const { warning, critical, direction } = METRIC_THRESHOLDS[metric];
  return {
    name: "",
    metric,
    region: "",
    direction,
    warning: String(warning),
    critical: String(critical),
    clearThreshold: "",
    windowSeconds: "120",
    escalateAfterSeconds: "600",
    channels: ["slack"],
    impact: "MEDIUM",
    runbookUrl: "",
    enabled: true,
  };
}

/** The draft of a stored rule, for editing. */
export function draftFromRule(rule: AlertRule): RuleDraft {
  return {
    name: rule.name,
    metric: rule.metric,
    region: rule.region ?? "",
    direction: rule.direction,
    warning: String(rule.warning),
    critical: String(rule.critical),
    clearThreshold: rule.clearThreshold === null ? "" : String(rule.clearThreshold),
    windowSeconds: String(rule.windowSeconds),
    escalateAfterSeconds: String(rule.escalateAfterSeconds),
    channels: [...rule.channels],
    impact: rule.impact,
    runbookUrl: rule.runbookUrl,
    enabled: rule.enabled,
  };
}

function readNumber(text: string): number {
  return text.trim() === "" ? Number.NaN : Number(text);
}

/** The request body of a draft; empty numbers become NaN, which the schema words as "must be a number". */
export function toRuleInput(draft: RuleDraft): AlertRuleInput {
  return {
    name: draft.name,
    metric: draft.metric,
    region: draft.region === "" ? null : draft.region,
    direction: draft.direction,
    warning: readNumber(draft.warning),
    critical: readNumber(draft.critical),
    clearThreshold: draft.clearThreshold.trim() === "" ? null : readNumber(draft.clearThreshold),
    windowSeconds: readNumber(draft.windowSeconds),
    escalateAfterSeconds: readNumber(draft.escalateAfterSeconds),
    channels: draft.channels,
    impact: draft.impact,
    runbookUrl: draft.runbookUrl.trim(),
    enabled: draft.enabled,
  };
}

/** Each bad field of a draft with the schema's reason, checked as the operator types: the same rules the server applies. */
export function validateRuleDraft(draft: RuleDraft): Partial<Record<keyof RuleDraft, string>> {
  const parsed = alertRuleInputSchema.safeParse(toRuleInput(draft));
  if (parsed.success) return {};
  const errors: Partial<Record<keyof RuleDraft, string>> = {};
  for (const issue of parsed.error.issues) {
    const field = String(issue.path[0]) as keyof RuleDraft;
    errors[field] ??= issue.message;
  }
  return errors;
}
