import { expect, test, type APIRequestContext } from "../fixtures";
import type { AlertRule } from "@/core/alerts/alert-rules";

// The e2e server is shared by every spec: the rule made here (its name unique to this run) is deleted again.
const ruleName = `Pune viewer errors (e2e ${Date.now()})`;
let ruleId: string | null = null;
/** When the injected errors stopped; 0 before any were sent. */
let injectedUntil = 0;
/** The e2e server's health check interval (HEALTH_CHECK_SECONDS' default); each check measures the interval before it. */
const HEALTH_CHECK_MS = 30_000;

test.afterEach(async ({ request }) => {
  if (ruleId) expect((await request.delete(`/api/alert-rules/${ruleId}`)).status()).toBe(200);
  ruleId = null;
  await restorePune(request);
});

type RegionsView = { regions: Array<{ region: string; active: boolean; health: string }> };

/**
 * The injected errors make Pune unhealthy, so the health check fails it over automatically. Specs that
 * run after this one expect Pune in routing and healthy. The first check after the errors stop may
 * still measure them (and fail Pune over), so it is waited for before Pune is failed back; the
 * next check then finds it healthy.
 */
async function restorePune(request: APIRequestContext): Promise<void> {
  const readPune = async () =>
    ((await (await request.get("/api/regions")).json()) as RegionsView).regions.find((r) => r.region === "pune")!;
  const firstCheckAfterErrors = injectedUntil + HEALTH_CHECK_MS + 1_000 - Date.now();
  if (firstCheckAfterErrors > 0) await new Promise((resolve) => setTimeout(resolve, firstCheckAfterErrors));
  if (!(await readPune()).active) {
    // 409 when the automatic failback got there between the read and this request.
    expect([200, 409]).toContain(
      (await request.post("/api/regions/pune/failback", { data: { reason: "e2e clean-up after injected errors" } })).status(),
    );
  }
  await expect.poll(async () => (await readPune()).health, { timeout: 45_000, intervals: [1_000] }).toBe("healthy");
  expect((await readPune()).active).toBe(true);
}

/** Viewer error events in Pune for `seconds`, far above the simulator's own 1.2%. */
async function injectPuneErrors(request: APIRequestContext, seconds: number): Promise<void> {
  for (let tick = 0; tick < seconds * 4; tick++) {
    const events = Array.from({ length: 300 }, (_, i) => ({
      event_id: `e2e-alert-${Date.now()}-${tick}-${i}`,
      user_id: "u",
      device_id: "d",
      session_id: `e2e-alert-${i}`,
      event_type: "error",
      error_code: "E_SEGMENT",
      error_message: "segment 404",
      timestamp: Date.now(),
      quality: "720p",
      location: "Pune",
      content_id: "ipl-final",
      bitrate: 4000,
      buffer_health: 8,
      network_type: "4G",
    }));
    expect((await request.post("/api/events", { data: events })).status()).toBe(202);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  injectedUntil = Date.now();
}

test("an alert fires live on the board, is acknowledged with a note, and resolves once the errors stop", async ({ page, request }) => {
  test.setTimeout(150_000);
  const created = await request.post("/api/alert-rules", {
    data: {
      name: ruleName,
      metric: "error_rate_percent",
      region: "pune",
      direction: "above",
      warning: 10,
      critical: 95,
      clearThreshold: 5,
      windowSeconds: 10,
      channels: ["slack"],
      impact: "HIGH",
      runbookUrl: "https://runbooks.example/pune-viewer-errors",
    },
  });
  expect(created.status()).toBe(201);
  ruleId = ((await created.json()) as AlertRule).id;

  await page.goto("/");
  await expect(page.getByTestId("alerts")).toBeVisible();
  // 80% of the 10 s window must breach: inject for longer than the window.
  await injectPuneErrors(request, 11);

  const alert = page.getByTestId("alerts").locator("li", { hasText: ruleName });
  await expect(alert).toBeVisible({ timeout: 20_000 });
  await expect(alert).toHaveAttribute("data-state", "firing");
  await expect(alert).toContainText("warning > 10.00%");

  await alert.getByRole("button", { name: "Acknowledge" }).click();
  const dialog = page.getByTestId("ack-dialog");
  await expect(dialog).toBeVisible();
  await dialog.getByTestId("ack-note").fill("e2e: Pune CDN ticket raised");
  await dialog.getByTestId("ack-submit").click();
  await expect(dialog).toBeHidden();
  await expect(alert).toHaveAttribute("data-state", "acknowledged");
  await expect(alert).toContainText("acknowledged by admin: “e2e: Pune CDN ticket raised”");

  // With only the simulator's Pune traffic (about 1.2% errors) the window clears and the alert leaves the board.
  await expect(alert).toBeHidden({ timeout: 30_000 });
  const resolved = (await (await request.get("/api/alerts?state=resolved&region=pune")).json()) as {
    alerts: Array<{ id: string; ruleId: string; acknowledgedBy: string }>;
  };
  const ours = resolved.alerts.filter((a) => a.ruleId === ruleId);
  expect(ours.map((a) => a.acknowledgedBy)).toEqual(["admin"]);
  const alertId = ours[0]!.id;

  // The history page finds it by its filters and shows every step.
  await page.goto("/alerts?state=resolved&region=pune");
  await page.getByTestId(`alert-row-${alertId}`).click();
  const detail = page.getByTestId("alert-detail");
  await expect(detail).toContainText(`${ruleName} · Pune`);
  await expect(detail.getByTestId("alert-detail-history").locator("li[data-kind=acknowledged]")).toContainText(
    "by admin: e2e: Pune CDN ticket raised",
  );

  // Its link opens the timeline with the alert's three steps marked, newest first.
  await detail.getByTestId("alert-timeline-link").click();
  await expect(page).toHaveURL(new RegExp(`/timeline\\?region=pune&alert=${alertId}$`));
  const marked = page.getByTestId("timeline").locator("li[data-highlighted]");
  await expect(marked).toHaveCount(3);
  expect(await marked.evaluateAll((items) => items.map((item) => item.getAttribute("data-action")))).toEqual([
    "resolved",
    "acknowledged",
    "fired",
  ]);
  await expect(marked.nth(1)).toContainText("by admin · e2e: Pune CDN ticket raised");
});
