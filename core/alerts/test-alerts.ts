import { NOT_NOTIFIED_YET } from "./alert-channels";
import type { AlertView } from "./alert-rules";

/** When the test alert fired: 26 Nov 2026, 21:04:05 IST. */
export const TEST_ALERT_FIRED_AT = Date.UTC(2026, 10, 26, 15, 34, 5);

/**
 * A firing alert for tests: Pune's error rate at a warning, nobody notified yet; each test names only
 * the fields its assertions are about.
 */
export function buildTestAlert(overrides: Partial<AlertView> = {}): AlertView {
  return {
    id: "a1",
    ruleId: "r1",
    ruleName: "Error rate",
    metric: "error_rate_percent",
    region: "pune",
    state: "firing",
    severity: "warning",
    impact: "HIGH",
    value: 4.02,
    warning: 2,
    critical: 5,
    direction: "above",
    windowSeconds: 120,
    channels: ["slack"],
    runbookUrl: "https://runbooks.example/error-rate",
    firedAt: TEST_ALERT_FIRED_AT,
    acknowledgedAt: null,
    acknowledgedBy: null,
    note: null,
    escalatedAt: null,
    resolvedAt: null,
    flaps: 0,
    silencedUntil: null,
    peak: null,
    live: null,
    notified: NOT_NOTIFIED_YET,
    ...overrides,
  };
}
