import { describe, expect, it } from "vitest";
import { openDbBefore } from "../testing/pglite-db";

const MIGRATION = "20261126400000_alert_peaks_and_delivery_channels";
const RULE = "11111111-1111-4111-8111-111111111111";
const ALERT = "22222222-2222-4222-8222-222222222222";

describe(`migration ${MIGRATION}`, () => {
  it("names the channel of earlier delivery records from their notes, and none for a silenced notice or a state change", async () => {
    const { client, applyIt } = await openDbBefore(MIGRATION);
    await client.exec(`
      INSERT INTO alert_rules (id, name, metric, direction, warning, critical, window_seconds, channels, impact, runbook_url, escalate_after_seconds, enabled, created_at, updated_at)
      VALUES ('${RULE}', 'Error rate', 'error_rate_percent', 'above', 2, 5, 120, '["slack","pagerduty"]', 'HIGH', 'https://runbooks.example/e', 600, true, now(), now());
      INSERT INTO alerts (id, rule_id, region, state, severity, value, fired_at) VALUES ('${ALERT}', '${RULE}', 'pune', 'firing', 'warning', 3, now());
      INSERT INTO alert_transitions (alert_id, kind, at, note) VALUES
        ('${ALERT}', 'fired', '2026-11-26T10:00:00Z', 'warning'),
        ('${ALERT}', 'delivery_skipped', '2026-11-26T10:00:01Z', 'fired via pagerduty: PAGERDUTY_ROUTING_KEY is not set'),
        ('${ALERT}', 'delivery_failed', '2026-11-26T10:00:02Z', 'fired via slack, attempt 1 of 5: HTTP 500 from hooks.slack.com: down; retrying'),
        ('${ALERT}', 'delivered', '2026-11-26T10:00:03Z', 'acknowledged via slack (attempt 2)'),
        ('${ALERT}', 'delivery_skipped', '2026-11-26T10:00:04Z', 'escalated: silenced until 2026-11-26T11:00:00.000Z by asha (via the CDN switch)');
    `);

    await applyIt();

    expect(await client.query(`SELECT kind, channel FROM alert_transitions ORDER BY at`)).toEqual([
      { kind: "fired", channel: null },
      { kind: "delivery_skipped", channel: "pagerduty" },
      { kind: "delivery_failed", channel: "slack" },
      { kind: "delivered", channel: "slack" },
      { kind: "delivery_skipped", channel: null },
    ]);
    expect(await client.query(`SELECT peak_value, peak_at FROM alerts`)).toEqual([{ peak_value: null, peak_at: null }]);
  });
});
