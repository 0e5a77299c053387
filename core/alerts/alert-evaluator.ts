import type { AlertRule, AlertSeverity } from "./alert-rules";
import { evaluateAlertWindow, type AlertSample } from "./alert-window";
import type { RegionId } from "../routing/regions";

/** An alert that is not resolved, as the evaluator needs to know it. */
export interface OpenAlert {
  id: string;
  severity: AlertSeverity;
  state: "firing" | "acknowledged";
  firedAt: number;
  escalatedAt: number | null;
}

/** The same rule and region resolved this recently and firing again is a flap: the alert reopens, nobody is paged again. */
export const FLAP_WINDOW_MS = 5 * 60_000;

export type AlertTransition =
  | { kind: "fire"; severity: AlertSeverity; value: number }
  | { kind: "reopen"; alertId: string; severity: AlertSeverity; value: number }
  | { kind: "severity"; alertId: string; severity: AlertSeverity; value: number }
  | { kind: "resolve"; alertId: string; value: number }
  | { kind: "escalate"; alertId: string };

export interface AlertRuleState {
  open: OpenAlert | null;
  /** The last resolved alert of this rule and region, for flap suppression. */
  lastResolved: { id: string; resolvedAt: number } | null;
}

/**
 * One rule for one region at `now` (SPEC section 5 with hysteresis): fires when ≥ 80% of ≥ 3 samples
 * in the window breach `warning` (critical when they breach `critical` too), resolves once fewer than
 * half breach `clearThreshold`, reopens instead of firing anew within the flap window, and escalates
 * an alert left unacknowledged for the rule's escalation time.
 */
export function evaluateAlertRule(
  rule: Pick<AlertRule, "direction" | "warning" | "critical" | "clearThreshold" | "windowSeconds" | "escalateAfterSeconds">,
  samples: readonly AlertSample[],
  state: AlertRuleState,
  now: number,
): AlertTransition[] {
  const windowMs = rule.windowSeconds * 1000;
  const { open } = state;
  const warning = evaluateAlertWindow(
    samples,
    {
      windowMs,
      threshold: rule.warning,
      direction: rule.direction,
      ...(rule.clearThreshold === null ? {} : { clearThreshold: rule.clearThreshold }),
    },
    now,
    open !== null,
  );
  const critical = evaluateAlertWindow(
    samples,
    { windowMs, threshold: rule.critical, direction: rule.direction },
    now,
    open?.severity === "critical",
  );
  const value = samples.at(-1)?.value ?? Number.NaN;
  const severity: AlertSeverity = critical.firing ? "critical" : "warning";
  if (!open) {
    if (!warning.firing) return [];
    const flap = state.lastResolved !== null && now - state.lastResolved.resolvedAt < FLAP_WINDOW_MS;
    return [flap ? { kind: "reopen", alertId: state.lastResolved!.id, severity, value } : { kind: "fire", severity, value }];
  }
  if (!warning.firing) return [{ kind: "resolve", alertId: open.id, value }];
  const transitions: AlertTransition[] = [];
  if (severity !== open.severity) transitions.push({ kind: "severity", alertId: open.id, severity, value });
  const due = rule.escalateAfterSeconds > 0 && now - open.firedAt >= rule.escalateAfterSeconds * 1000;
  if (open.state === "firing" && open.escalatedAt === null && due) transitions.push({ kind: "escalate", alertId: open.id });
  return transitions;
}

/** Keeps a rule's samples inside its window (plus one second of slack), oldest first; appends `value` when measured. */
export function appendAlertSample(samples: AlertSample[], value: number | null, at: number, windowSeconds: number): void {
  if (value !== null && Number.isFinite(value)) samples.push({ at, value });
  const cutoff = at - windowSeconds * 1000 - 1000;
  let drop = 0;
  while (drop < samples.length && samples[drop]!.at <= cutoff) drop++;
  if (drop > 0) samples.splice(0, drop);
}

/** The key of one rule evaluated for one region. */
export function alertKeyOf(ruleId: string, region: RegionId): string {
  return `${ruleId}/${region}`;
}
