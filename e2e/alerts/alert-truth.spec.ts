import { expect, test, type Locator } from "../fixtures";
import type { AlertRule, AlertView } from "@/core/alerts/alert-rules";
import type { TimelineEntry } from "@/core/timeline/timeline";
import { injectPuneEvents, measurePuneEventsPerSecond, restorePune, waitForHealthCheck } from "./pune-errors";

// The e2e server is shared by every spec: the rule made here (its name unique to this run) is deleted again.
const ruleName = `Pune errors now (e2e ${Date.now()})`;
let ruleId: string | null = null;
/** When the injected errors stopped; 0 before any were sent. */
let injectedUntil = 0;

test.afterEach(async ({ request }) => {
  if (ruleId) expect((await request.delete(`/api/alert-rules/${ruleId}`)).status()).toBe(200);
  ruleId = null;
  await restorePune(request, injectedUntil);
});

/** "66.67%" → 66.67. */
async function readPercent(locator: Locator): Promise<number> {
  return Number.parseFloat(((await locator.textContent()) ?? "").replace(/[^\d.]/g, ""));
}

test("an alert on the strip says what is true now: its value and severity follow the metric up to critical and back, its peak stays, and nobody was notified", async ({
  page,
  request,
}) => {
  test.setTimeout(240_000);
  // Injected at twice the simulator's own Pune traffic: 40% errors put the region near 27% (warning
  // above 15%), all errors near 67% (critical above 45%), whatever the machine's pace.
  const baseline = await measurePuneEventsPerSecond(request);
  expect(baseline, "the simulator sends Pune traffic").toBeGreaterThan(50);

  await page.goto("/");
  const strip = page.getByTestId("alerts");
  const channels = strip.getByTestId("alert-channels");
  // The e2e server configures no channel: the board says so before anything fires.
  await expect(channels).toContainText("Notify: none configured");
  for (const channel of ["webhook", "slack", "pagerduty", "email", "sms"])
    await expect(channels.getByTestId(`channel-${channel}`)).toHaveAttribute("data-configured", "false");

  // Everything below fits between two health checks, before the next one fails Pune over on these errors.
  await waitForHealthCheck(request);
  const created = await request.post("/api/alert-rules", {
    data: {
      name: ruleName,
      metric: "error_rate_percent",
      region: "pune",
      direction: "above",
      warning: 15,
      critical: 45,
      clearThreshold: 5,
      windowSeconds: 10,
      channels: ["pagerduty", "slack", "sms"],
      impact: "HIGH",
      runbookUrl: "https://runbooks.example/pune-errors-now",
    },
  });
  expect(created.status()).toBe(201);
  ruleId = ((await created.json()) as AlertRule).id;
  const injector = injectPuneEvents(request, baseline * 2, 0.4);

  const row = strip.locator("li", { hasText: ruleName });
  const value = row.locator('[data-testid^="alert-value-"]');
  const peak = row.locator('[data-testid^="alert-peak-"]');
  await expect(row).toHaveAttribute("data-severity", "warning", { timeout: 20_000 });
  await expect(value).toHaveAttribute("data-level", "warning");
  const warningValue = await readPercent(value);
  expect(warningValue).toBeGreaterThan(15);
  expect(warningValue).toBeLessThanOrEqual(45);
  const alertId = (await row.getAttribute("data-testid"))!.replace(/^alert-/, "");

  // Up: the value turns critical at once; the alert once 80% of its 10 s window is.
  injector.errorShare = 1;
  await expect(value).toHaveAttribute("data-level", "critical", { timeout: 10_000 });
  await expect(row).toHaveAttribute("data-severity", "critical", { timeout: 20_000 });
  expect(await readPercent(value)).toBeGreaterThan(45);
  const criticalPeak = await readPercent(peak);
  expect(criticalPeak).toBeGreaterThan(45);

  // And back: the value and then the severity return to warning; the peak stays where it was.
  injector.errorShare = 0.4;
  await expect(value).toHaveAttribute("data-level", "warning", { timeout: 10_000 });
  await expect(row).toHaveAttribute("data-severity", "warning", { timeout: 20_000 });
  expect(await readPercent(peak)).toBeGreaterThanOrEqual(criticalPeak);
  expect(await readPercent(value)).toBeLessThan(criticalPeak);

  // A sparkline of the window, and nobody notified: the three channels it names are not configured.
  const sparkline = row.getByTestId(`alert-sparkline-${alertId}`);
  await expect(sparkline).toBeVisible();
  expect(await sparkline.locator("path").getAttribute("d")).toMatch(/^M[\d.]+ [\d.]+( [LM][\d.]+ [\d.]+)+$/);
  const nobody = row.getByTestId(`alert-nobody-${alertId}`);
  await expect(nobody).toHaveText(/^nobody was notified/);
  await expect(nobody).toHaveAttribute("title", "slack, pagerduty and sms are not configured");

  // Its chart opens from the strip, with both thresholds drawn; Escape closes it and focus returns.
  const live = row.getByTestId(`alert-live-${alertId}`);
  await live.click();
  const dialog = page.getByTestId("alert-chart-dialog");
  await expect(dialog).toBeVisible();
  await expect(dialog.getByTestId("alert-chart")).toBeVisible();
  await expect(dialog.locator(".recharts-reference-line")).toHaveCount(3);
  await expect(dialog).toContainText("warning 15.00%");
  await expect(dialog).toContainText("critical 45.00%");
  await expect(dialog.locator(".recharts-line-curve")).toHaveAttribute("d", /^M/);
  await page.keyboard.press("Escape");
  await expect(dialog).toBeHidden();
  await expect(live).toBeFocused();

  // The errors stop: the strip shows the region back to normal while the alert waits out its window.
  injectedUntil = await injector.stop();
  await expect(value).toHaveAttribute("data-level", "ok", { timeout: 10_000 });

  // Each severity change is on the alert's history and on the timeline.
  const detail = (await (await request.get(`/api/alerts/${alertId}`)).json()) as {
    alert: AlertView;
    history: Array<{ kind: string; note: string | null }>;
  };
  expect(detail.history.filter((e) => e.kind === "severity").map((e) => e.note)).toEqual([
    "critical, up from warning",
    "warning, down from critical",
  ]);
  expect(detail.alert.notified).toEqual({ delivered: [], failed: [], skipped: ["slack", "pagerduty", "sms"], silenced: false });
  expect(detail.alert.peak!.value).toBeGreaterThanOrEqual(criticalPeak);
  const timeline = (await (await request.get("/api/timeline?region=pune")).json()) as { entries: TimelineEntry[] };
  const steps = timeline.entries.filter((e) => e.alertId === alertId && (e.action === "fired" || e.action === "severity"));
  expect(steps.map((e) => [e.action, e.detail]).reverse()).toEqual([
    ["fired", "warning"],
    ["severity", "critical, up from warning"],
    ["severity", "warning, down from critical"],
  ]);

  // The board's channel lamps show the skipped deliveries (polled every 10 s).
  await expect(channels.getByTestId("channel-pagerduty")).toHaveAttribute("data-outcome", "skipped", { timeout: 15_000 });

  // The rules page lists each channel, configured or not, with its last delivery; the rule's channels are marked.
  await page.goto("/alerts/rules");
  const table = page.getByTestId("channels");
  const pagerduty = table.getByTestId("channel-row-pagerduty");
  await expect(pagerduty).toHaveAttribute("data-configured", "false");
  await expect(pagerduty).toContainText("no: set PAGERDUTY_ROUTING_KEY");
  await expect(pagerduty).toContainText(/skipped · \d{1,2} [A-Z][a-z]{2} \d\d:\d\d:\d\d IST/);
  await expect(pagerduty).toContainText("PAGERDUTY_ROUTING_KEY is not set");
  await expect(page.getByTestId("channels-section")).toContainText("No channel is configured: every notification is skipped");
  await expect(page.getByTestId(`rule-${ruleId}`)).toContainText(
    "pagerduty (not configured), slack (not configured), sms (not configured)",
  );

  // The alert history opens the same chart, from the alert's detail.
  await page.goto(`/alerts?hours=all&id=${alertId}`);
  const open = page.getByTestId("alert-detail").getByTestId("alert-chart-open");
  await open.click();
  await expect(dialog).toBeVisible();
  await expect(dialog).toContainText("critical 45.00%");
  await expect(dialog.locator(".recharts-line-curve")).toHaveAttribute("d", /^M/);
  await dialog.getByRole("button", { name: "Close the chart" }).click();
  await expect(dialog).toBeHidden();
  await expect(open).toBeFocused();
});

test("GET /api/alert-channels names each channel, whether it is configured, what configures it and the rules naming it", async ({
  request,
}) => {
  const { rules } = (await (await request.get("/api/alert-rules")).json()) as { rules: AlertRule[] };
  const naming = (channel: string) => rules.filter((rule) => rule.enabled && rule.channels.includes(channel as never)).length;
  // The default error-rate rule names pagerduty, so at least one rule does.
  expect(naming("pagerduty")).toBeGreaterThan(0);
  const channels = (await (await request.get("/api/alert-channels")).json()) as {
    channels: Array<{ channel: string; configured: boolean; settings: string; rules: number }>;
  };
  expect(channels.channels.map((c) => [c.channel, c.configured, c.settings, c.rules])).toEqual([
    ["webhook", false, "ALERT_WEBHOOK_URL", naming("webhook")],
    ["slack", false, "SLACK_WEBHOOK_URL", naming("slack")],
    ["pagerduty", false, "PAGERDUTY_ROUTING_KEY", naming("pagerduty")],
    ["email", false, "SMTP_URL and ALERT_EMAIL_TO", naming("email")],
    ["sms", false, "TWILIO_ACCOUNT_SID, TWILIO_AUTH_TOKEN, TWILIO_FROM and ALERT_SMS_TO", naming("sms")],
  ]);
});
