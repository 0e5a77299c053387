import type { Request } from "@playwright/test";
import { expect, test, type Page } from "../fixtures";
import type { AlertRule } from "@/core/alerts/alert-rules";
import type { HistoryResponse } from "@/core/metrics/snapshot";
import { formatClockMinute, formatDateInput, IST_TIME_ZONE } from "@/components/ui/time-format";

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;

// The e2e server is shared by every spec: the rule made here (its name unique to this run) is deleted again.
let ruleId: string | null = null;

test.afterEach(async ({ request }) => {
  if (ruleId) expect((await request.delete(`/api/alert-rules/${ruleId}`)).status()).toBe(200);
  ruleId = null;
});

/** The board's history request whose range spans `spanMs`. */
function isHistoryRequest(request: Request, spanMs: number): boolean {
  const url = new URL(request.url());
  if (url.pathname !== "/api/history") return false;
  return Number(url.searchParams.get("to")) - Number(url.searchParams.get("from")) === spanMs;
}

/** The throughput chart's time labels as minutes since midnight ("20:30" → 1230). */
async function readAxisMinutes(page: Page): Promise<number[]> {
  const labels = await page
    .getByTestId("chart-throughput")
    .locator(".recharts-xAxis-tick-labels .recharts-cartesian-axis-tick-value")
    .allTextContents();
  return labels.map((label) => {
    expect(label).toMatch(/^\d{2}:\d{2}$/);
    const [hours, minutes] = label.split(":").map(Number);
    return hours! * 60 + minutes!;
  });
}

/** The axis has at least `count` labels, `stepMinutes` apart (across midnight too). */
async function hasTicksEvery(page: Page, stepMinutes: number, count: number): Promise<boolean> {
  const minutes = await readAxisMinutes(page);
  const steps = minutes.slice(1).map((m, i) => (m - minutes[i]! + 24 * 60) % (24 * 60));
  return minutes.length >= count && steps.every((step) => step === stepMinutes);
}

/** A datetime-local value in the time base the pickers read (IST by default). */
function toPickerValue(epochMs: number): string {
  return formatDateInput(epochMs, IST_TIME_ZONE);
}

test("choosing a time range asks history for it, and the charts' axes cover it", async ({ page }, testInfo) => {
  await page.goto("/");
  await expect(page.getByTestId("live-indicator")).toHaveAttribute("data-state", "live");
  // The last 15 minutes: ticks every 3 minutes.
  await expect.poll(() => hasTicksEvery(page, 3, 5)).toBe(true);

  const hourRequest = page.waitForRequest((request) => isHistoryRequest(request, HOUR));
  await page.getByTestId("range-1h").check();
  const asked = new URL((await hourRequest).url());
  expect(Math.abs(Number(asked.searchParams.get("to")) - Date.now())).toBeLessThan(10_000);
  const hour = (await (await (await hourRequest).response())!.json()) as HistoryResponse;
  // 2 s buckets (ROLLUP_SECONDS=2): an hour comes in 10 s steps, 360 points at most a series.
  expect(hour.stepSeconds).toBe(10);
  expect(hour.rollups.every((rollup) => rollup.bucketStart % 10_000 === 0)).toBe(true);
  await expect(page).toHaveURL(/\?range=1h$/);
  await expect(page.getByTestId("chart-throughput")).toHaveAttribute("aria-label", /^Throughput by region, last 1 h/);
  // Ticks every 10 minutes across most of the hour (5 or 6 of them, as the window slides).
  await expect.poll(() => hasTicksEvery(page, 10, 5)).toBe(true);

  const sixHourRequest = page.waitForRequest((request) => isHistoryRequest(request, 6 * HOUR));
  await page.getByTestId("range-6h").check();
  const sixHours = (await (await (await sixHourRequest).response())!.json()) as HistoryResponse;
  expect(sixHours.stepSeconds).toBe(60);
  // Hourly ticks, on the hour, across most of the six hours.
  await expect.poll(() => hasTicksEvery(page, 60, 5)).toBe(true);
  expect((await readAxisMinutes(page)).every((minutes) => minutes % 60 === 0)).toBe(true);

  // A custom range: twenty minutes ending at least ten minutes ago, on whole five minutes as the pickers show them.
  const to = Math.floor((Date.now() - 10 * MINUTE) / (5 * MINUTE)) * 5 * MINUTE;
  const from = to - 20 * MINUTE;
  await page.getByTestId("range-custom").check();
  await page.getByTestId("range-from").fill(toPickerValue(from));
  await page.getByTestId("range-to").fill(toPickerValue(to));
  const customRequest = page.waitForRequest((request) => isHistoryRequest(request, 20 * MINUTE));
  await page.getByTestId("range-apply").click();
  const custom = new URL((await customRequest).url());
  expect([Number(custom.searchParams.get("from")), Number(custom.searchParams.get("to"))]).toEqual([from, to]);
  await expect(page).toHaveURL(new RegExp(`\\?from=${from}&to=${to}$`));
  // Every 5 minutes from the range's start to its end, which no longer slide.
  const [startHour, startMinute] = formatClockMinute(from, IST_TIME_ZONE).split(":").map(Number);
  const startMinutes = startHour! * 60 + startMinute!;
  await expect.poll(async () => readAxisMinutes(page)).toEqual([0, 5, 10, 15, 20].map((m) => (startMinutes + m) % (24 * 60)));

  // A range over 24 hours is refused with the reason, and nothing is asked.
  await page.getByTestId("range-from").fill(toPickerValue(to - 25 * HOUR));
  await page.getByTestId("range-apply").click();
  await expect(page.getByRole("alert").filter({ hasText: "A range may span at most 24 hours." })).toBeVisible();

  // The address carries the range: a reload shows the same.
  await page.reload();
  await expect.poll(async () => readAxisMinutes(page)).toEqual([0, 5, 10, 15, 20].map((m) => (startMinutes + m) % (24 * 60)));
  await expect(page.getByTestId("range-custom")).toBeChecked();
  await page.screenshot({ path: testInfo.outputPath("board-custom-range.png") });
});

test("pause freezes the board while snapshots keep arriving, and resume catches up at once", async ({ page }, testInfo) => {
  let snapshotsReceived = 0;
  page.on("websocket", (socket) => {
    socket.on("framereceived", (frame) => {
      if (typeof frame.payload === "string" && frame.payload.startsWith('42["snapshot"')) snapshotsReceived++;
    });
  });
  await page.goto("/");
  const indicator = page.getByTestId("live-indicator");
  await expect(indicator).toHaveAttribute("data-state", "live");
  const processed = page.getByTestId("total-processed");
  await expect(processed).not.toHaveText(/^\s*0\s*$/);

  const pause = page.getByTestId("pause-board");
  await expect(pause).toHaveAttribute("aria-keyshortcuts", "P");
  await expect(pause).toHaveAttribute("title", /\(P\)$/);
  await page.keyboard.press("p");
  await expect(indicator).toHaveAttribute("data-state", "paused");
  await expect(indicator).toContainText("PAUSED");
  await expect(
    page.getByRole("status").filter({ hasText: /^Board paused at \d{2}:\d{2}:\d{2} IST; live data is still arriving/ }),
  ).toBeAttached();
  const banner = page.getByTestId("paused-banner");
  await expect(banner).toHaveText(/^PAUSED at \d{2}:\d{2}:\d{2} IST — live data still arriving, \d+s behind$/);

  const frozenProcessed = await processed.textContent();
  const frozenEps = await page.getByTestId("station-mumbai-eps").textContent();
  const frozenLatest = await page.getByTestId("chart-throughput").getAttribute("aria-label");
  const seen = snapshotsReceived;
  await expect.poll(() => snapshotsReceived, { timeout: 15_000 }).toBeGreaterThanOrEqual(seen + 4);
  // Four snapshots later nothing on the board has moved, and the banner counts how far behind it is.
  await expect(processed).toHaveText(frozenProcessed!);
  await expect(page.getByTestId("station-mumbai-eps")).toHaveText(frozenEps!);
  await expect(page.getByTestId("chart-throughput")).toHaveAttribute("aria-label", frozenLatest!);
  await expect(indicator).toHaveAttribute("data-state", "paused");
  await expect(banner).toHaveText(/, ([3-9]|\d{2,})s behind$/);
  await page.screenshot({ path: testInfo.outputPath("board-paused.png") });

  await expect(pause).toHaveText("▶ Resume");
  await pause.click();
  // Resume shows what arrived meanwhile at once, without waiting for the next snapshot.
  await expect(processed).not.toHaveText(frozenProcessed!, { timeout: 900 });
  await expect(indicator).toHaveAttribute("data-state", "live");
  await expect(banner).toBeHidden();
});

test("a station opens its drill-down: history charts from real rollups, its alerts and its timeline", async ({
  page,
  request,
}, testInfo) => {
  test.setTimeout(90_000);
  // Kolkata's events/s is always below a billion: the rule fires within its 10 s window, an alert and a timeline entry.
  const ruleName = `Kolkata drill-down (e2e ${Date.now()})`;
  const created = await request.post("/api/alert-rules", {
    data: {
      name: ruleName,
      metric: "events_per_second",
      region: "kolkata",
      direction: "below",
      warning: 1_000_000_000,
      critical: 1,
      windowSeconds: 10,
      channels: ["slack"],
      impact: "LOW",
      runbookUrl: "https://runbooks.example/kolkata",
    },
  });
  expect(created.status()).toBe(201);
  ruleId = ((await created.json()) as AlertRule).id;
  await expect
    .poll(
      async () =>
        (
          (await (await request.get("/api/alerts?region=kolkata&state=active")).json()) as { alerts: Array<{ ruleName: string }> }
        ).alerts.map((a) => a.ruleName),
      { timeout: 30_000 },
    )
    .toContain(ruleName);

  await page.goto("/?range=1h");
  const historyResponse = page.waitForResponse((response) => {
    const url = new URL(response.url());
    return url.pathname === "/api/history" && url.searchParams.get("region") === "kolkata";
  });
  // A click anywhere on the card (not its menu) opens the drill-down, keeping the board's range.
  await page.getByTestId("station-kolkata-eps").click();
  await expect(page).toHaveURL(/\/regions\/kolkata\?range=1h$/);
  await expect(page.getByTestId("region-name")).toHaveText("Kolkata");

  const history = (await (await historyResponse).json()) as HistoryResponse;
  expect(
    Number(new URL((await historyResponse).url()).searchParams.get("to")) -
      Number(new URL((await historyResponse).url()).searchParams.get("from")),
  ).toBe(HOUR);
  expect(history.rollups.length).toBeGreaterThan(0);
  expect(new Set(history.rollups.map((r) => r.region))).toEqual(new Set(["kolkata"]));
  // The rollups carry the quality mix the chart draws.
  expect(history.rollups.some((r) => Object.values(r.quality).reduce((sum, n) => sum + n, 0) > 0)).toBe(true);

  for (const chart of ["events", "viewers", "quality"]) {
    await expect(page.getByTestId(`region-chart-${chart}`).locator("path.recharts-area-area").first()).toBeVisible();
  }
  // The in-process bus has no lag: its area is drawn, flat on the axis.
  await expect(page.getByTestId("region-chart-lag").locator("path.recharts-area-area")).toHaveCount(1);
  for (const chart of ["latency", "errors"]) {
    await expect(page.getByTestId(`region-chart-${chart}`).locator("path.recharts-line-curve").first()).toBeVisible();
  }
  await expect(page.getByTestId("region-chart-events")).toHaveAttribute("aria-label", /^Events\/s, last 1 h; latest events\/s [\d.]+K?\.$/);

  const alert = page.getByTestId("region-alerts").locator("li", { hasText: ruleName });
  await expect(alert).toBeVisible();
  await expect(alert).toHaveAttribute("data-state", "firing");
  await expect(page.getByTestId("region-timeline").locator("li", { hasText: ruleName }).first()).toBeVisible();
  await page.screenshot({ path: testInfo.outputPath("region-kolkata.png"), fullPage: true });

  // Back on the board, Enter on a focused station opens it too.
  await page.getByTestId("region-back").click();
  await expect(page).toHaveURL(/\/\?range=1h$/);
  await page.getByTestId("station-pune").focus();
  await page.keyboard.press("Enter");
  await expect(page).toHaveURL(/\/regions\/pune\?range=1h$/);
  await expect(page.getByTestId("region-name")).toHaveText("Pune");
});

test("an unknown region's drill-down is not found", async ({ page }) => {
  const response = await page.goto("/regions/chennai");
  expect(response?.status()).toBe(404);
});
