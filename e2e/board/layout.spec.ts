import { expect, test, type APIRequestContext, type Locator, type Page } from "../fixtures";
import { REGIONS } from "@/core/routing/regions";
import { findClippedText, measureTextContrast, type ClipReport } from "./layout-checks";

const BOARD = '[data-testid="board"]';

/** Every tile of the board, by the test id it already carries. */
const TILES = [
  ...REGIONS.map((region) => `station-${region.id}`),
  "alerts",
  "chart-throughput",
  "chart-latency",
  "chart-lag",
  "region-changes",
  "chart-quality",
  "chart-network",
  "event-mix",
  "rejections",
  "cost-tile",
  "dlq-tile",
];

/** Opens the board and waits until every part of it shows live data, not a skeleton. */
async function openLiveBoard(page: Page, path = "/"): Promise<void> {
  await page.goto(path);
  await expect(page.getByTestId("live-indicator")).toHaveAttribute("data-state", "live");
  for (const region of REGIONS) await expect(page.getByTestId(`station-${region.id}-eps`)).toHaveText(/\d/);
  await expect(page.getByTestId("station-mumbai-reason")).not.toHaveAttribute("aria-busy", "true");
  await expect(page.getByTestId("chart-throughput").locator("path.recharts-area-area").first()).toBeVisible();
  await expect(page.getByTestId("chart-quality").locator(".recharts-bar-rectangle").first()).toBeVisible();
  await expect(page.getByTestId("rejections")).not.toHaveAttribute("aria-busy", "true");
  await expect(page.getByTestId("region-changes")).not.toHaveAttribute("aria-busy", "true");
  await expect(page.getByTestId("cost-tile").locator("li")).toHaveCount(REGIONS.length);
  await expect(page.getByTestId("dlq-tile-open")).toHaveText(/\d/);
}

/**
 * Runs the clipped-text check, first proving on planted text that it sees both kinds of cut (an ellipsis and a
 * box that hides overflow), so an empty answer means nothing is cut rather than nothing was looked at.
 */
async function checkClippedText(page: Page): Promise<ClipReport> {
  await page.evaluate((root) => {
    const host = document.querySelector(root);
    const plant = (id: string, style: string) => {
      const planted = document.createElement("p");
      planted.id = id;
      planted.setAttribute("style", `width: 40px; white-space: nowrap; ${style}`);
      planted.textContent = `${id} planted to be cut`;
      host?.append(planted);
    };
    plant("planted-ellipsis", "overflow: hidden; text-overflow: ellipsis");
    plant("planted-hidden", "overflow: hidden");
  }, BOARD);
  const planted = await page.evaluate(findClippedText, BOARD);
  await page.evaluate(() => document.querySelectorAll("#planted-ellipsis, #planted-hidden").forEach((node) => node.remove()));
  expect(planted.clipped.map((problem) => problem.text).filter((text) => text.startsWith("planted-"))).toEqual([
    "planted-ellipsis planted to be cut",
    "planted-hidden planted to be cut",
  ]);

  const report = await page.evaluate(findClippedText, BOARD);
  // The labels the issue saw cut are among the texts looked at.
  for (const label of ["Quality Δ", "Lag age", "Emergency", "Preventive", "Maintain", "Optimise", ...REGIONS.map((r) => r.name)]) {
    expect(report.examined, `examined "${label}"`).toContain(label);
  }
  // So are every station's status reason and health-check reason, the long texts that used to end in "…".
  const reasons = await page
    .locator('[data-testid$="-reason"], [title^="Health check:"]')
    .evaluateAll((elements) => elements.map((element) => (element.textContent ?? "").replace(/\s+/g, " ").trim()));
  expect(reasons.length).toBe(REGIONS.length * 2);
  for (const reason of reasons) expect(report.examined).toContain(reason);
  return report;
}

async function readBox(locator: Locator): Promise<{ top: number; bottom: number; height: number }> {
  const box = await locator.boundingBox();
  if (!box) throw new Error("not rendered");
  return { top: box.y, bottom: box.y + box.height, height: box.height };
}

/** True when every child's box shares a band of height with every other's: they sit on one row. */
async function sitOnOneRow(container: Locator): Promise<boolean> {
  return container.evaluate((element) => {
    const boxes = [...element.children].map((child) => child.getBoundingClientRect()).filter((box) => box.height > 0);
    return boxes.length > 1 && Math.max(...boxes.map((box) => box.top)) < Math.min(...boxes.map((box) => box.bottom));
  });
}

/** The parts of the header row and of the top bar around it that run into each other: a squeezed part spills over the next. */
async function findOverlaps(page: Page): Promise<string[]> {
  return page.getByTestId("board-header").evaluate((header) => {
    const overlaps: string[] = [];
    for (const container of [header, header.parentElement!]) {
      const parts = [...container.children].filter((child) => child.getClientRects().length > 0);
      for (let i = 0; i < parts.length; i++) {
        for (let j = i + 1; j < parts.length; j++) {
          const a = parts[i]!.getBoundingClientRect();
          const b = parts[j]!.getBoundingClientRect();
          const across = Math.min(a.right, b.right) - Math.max(a.left, b.left);
          const down = Math.min(a.bottom, b.bottom) - Math.max(a.top, b.top);
          if (across > 0.5 && down > 0.5) overlaps.push(`${parts[i]!.outerHTML.slice(0, 60)} × ${parts[j]!.outerHTML.slice(0, 60)}`);
        }
      }
      // A part wider than its own box shows it has been squeezed (its text runs over what follows).
      for (const part of parts) {
        if (part.scrollWidth > part.clientWidth + 1) overlaps.push(`${part.outerHTML.slice(0, 60)} squeezed`);
      }
    }
    return overlaps;
  });
}

/**
 * Whatever on the board can be clicked, typed into or focused: a wall has none. Recharts' own focusable chart
 * surface (its keyboard tooltip layer) is a chart, not a control.
 */
async function listControls(page: Page): Promise<string[]> {
  return page.evaluate((root) => {
    const selector =
      'button, a[href], input, select, textarea, summary, nav, [role="button"], [role="link"], [role="menu"], [role="menuitem"], [tabindex]:not([tabindex="-1"])';
    return [...(document.querySelector(root)?.querySelectorAll(selector) ?? [])]
      .filter((element) => !element.matches(".recharts-wrapper, .recharts-wrapper *"))
      .filter((element) => element.getClientRects().length > 0 && getComputedStyle(element).visibility !== "hidden")
      .map((element) => element.outerHTML.slice(0, 120));
  }, BOARD);
}

/** How much of the strip's alert list is out of sight (scrolled): both alerts of an incident must show whole. */
async function measureHiddenAlerts(page: Page): Promise<number> {
  return page
    .getByTestId("alerts")
    .locator("ul")
    .first()
    .evaluate((element) => element.scrollHeight - element.clientHeight);
}

/** The breakdown tiles, whose height must not give way to alerts or banners (the charts do). */
const BREAKDOWN_TILES = ["chart-quality", "chart-network", "event-mix", "rejections", "cost-tile", "dlq-tile"];

async function measureHeights(page: Page, testIds: readonly string[]): Promise<Record<string, number>> {
  const heights: Record<string, number> = {};
  for (const testId of testIds) heights[testId] = Math.round((await readBox(page.getByTestId(testId))).height);
  return heights;
}

interface Incident {
  ruleIds: string[];
}

const INCIDENT_DRILL = {
  component: "processor",
  region: "kolkata",
  errorMessage: "blocked_user in entitlement check",
  rate: 0.05,
  durationSeconds: 300,
};

/**
 * An incident's worth of board: two alerts firing (a warning on Mumbai, a critical on Delhi, from rules whose lines
 * any traffic crosses, named long as real rules are) and a drill running, so the strip and the banner take their room.
 */
async function startIncident(request: APIRequestContext): Promise<Incident> {
  const stamp = Date.now();
  const rules = [
    { name: `Processing latency creeping (layout e2e ${stamp})`, region: "mumbai", warning: 0.001, critical: 1_000_000 },
    { name: `Processing latency past the line (layout e2e ${stamp})`, region: "delhi", warning: 0.001, critical: 0.002 },
  ];
  const ruleIds: string[] = [];
  for (const rule of rules) {
    const created = await request.post("/api/alert-rules", {
      data: {
        ...rule,
        metric: "processing_latency_ms",
        direction: "above",
        windowSeconds: 10,
        channels: ["pagerduty", "slack"],
        impact: "HIGH",
        runbookUrl: "https://runbooks.example/layout",
      },
    });
    expect(created.status()).toBe(201);
    ruleIds.push(((await created.json()) as { id: string }).id);
  }
  expect((await request.post("/api/chaos", { data: INCIDENT_DRILL })).status()).toBe(201);
  return { ruleIds };
}

async function endIncident(request: APIRequestContext, incident: Incident): Promise<void> {
  for (const id of incident.ruleIds) expect((await request.delete(`/api/alert-rules/${id}`)).status()).toBe(200);
  expect((await request.delete("/api/chaos")).status()).toBe(200);
}

/** Waits for the incident on the board: both alerts with their live values, the drill banner. */
async function waitForIncident(page: Page): Promise<void> {
  const strip = page.getByTestId("alerts");
  await expect(strip.locator('li[data-severity="warning"]', { hasText: "layout e2e" })).toHaveCount(1, { timeout: 30_000 });
  await expect(strip.locator('li[data-severity="critical"]', { hasText: "layout e2e" })).toHaveCount(1, { timeout: 30_000 });
  await expect(strip.locator('[data-testid^="alert-value-"]').first()).toHaveText(/\d/);
  await expect(page.getByTestId("drill-banner-text")).toContainText("processor in Kolkata");
}

/**
 * The incident's new texts are among what the clipped-text check looked at. The live ones (values, the countdown)
 * move every second, so they are matched by their form, not read again.
 */
function expectIncidentExamined(report: ClipReport): void {
  const count = (pattern: RegExp) => report.examined.filter((text) => pattern.test(text)).length;
  expect(count(/^\d[\d.,]*\s?[kKML]?\s?(ms|s)$/), "the alerts' values now").toBeGreaterThanOrEqual(2);
  expect(count(/^peak \d/), "the alerts' peaks").toBeGreaterThanOrEqual(2);
  for (const text of ["Notify: none configured", "webhook", "slack", "pagerduty", "email", "sms", "Drill running:"]) {
    expect(report.examined, `examined "${text}"`).toContain(text);
  }
  expect(count(/^processor in Kolkata, 5% “blocked_user in entitlement check”/), "the drill banner").toBe(1);
  expect(count(/^PAUSED at \d{2}:\d{2}:\d{2} IST$/), "the paused banner").toBe(1);
}

test("at 1920×1080 the whole board fits one screen with no text cut", async ({ page }) => {
  await page.setViewportSize({ width: 1920, height: 1080 });
  await openLiveBoard(page);
  const size = await page.evaluate(() => ({
    height: document.documentElement.scrollHeight,
    width: document.documentElement.scrollWidth,
  }));
  expect(size.height).toBeLessThanOrEqual(1080);
  expect(size.width).toBeLessThanOrEqual(1920);
  for (const tile of TILES) {
    const box = await readBox(page.getByTestId(tile));
    expect(box.bottom, `${tile} above the fold`).toBeLessThanOrEqual(1080);
  }
  expect(await sitOnOneRow(page.getByTestId("board-header"))).toBe(true);
  expect(await findOverlaps(page)).toEqual([]);
  const report = await checkClippedText(page);
  expect(report.clipped).toEqual([]);
});

test("at 1366×768 the laptop layout puts the header on one row and stations, alerts and totals in the first screen", async ({ page }) => {
  await page.setViewportSize({ width: 1366, height: 768 });
  await openLiveBoard(page);
  const header = page.getByTestId("board-header");
  expect(await sitOnOneRow(header)).toBe(true);
  expect((await readBox(header)).height).toBeLessThanOrEqual(48);
  expect(await findOverlaps(page)).toEqual([]);
  const totalsStrip = page.locator('dl[aria-label="Platform totals"]');
  expect(await sitOnOneRow(totalsStrip)).toBe(true);
  expect((await readBox(totalsStrip)).bottom).toBeLessThanOrEqual(768);
  expect((await readBox(page.getByTestId("alerts"))).bottom).toBeLessThanOrEqual(768);
  for (const region of REGIONS) {
    expect((await readBox(page.getByTestId(`station-${region.id}`))).bottom, `${region.name} in the first screen`).toBeLessThanOrEqual(768);
  }
  const size = await page.evaluate(() => ({
    height: document.documentElement.scrollHeight,
    overflow: document.documentElement.scrollWidth - document.documentElement.clientWidth,
  }));
  expect(size.overflow).toBe(0);
  // The wall layout squeezed onto a laptop was 1,914 px tall; this one scrolls for the charts and tiles only.
  expect(size.height).toBeLessThanOrEqual(1500);
  const report = await checkClippedText(page);
  expect(report.clipped).toEqual([]);
});

test("wall mode: the header's button and F enter it, Escape and F leave it, and /?wall=1 boots into it", async ({ page }) => {
  await page.setViewportSize({ width: 1920, height: 1080 });
  await openLiveBoard(page);
  const board = page.locator(BOARD);
  const fontSizes = () =>
    page.evaluate(() => {
      const size = (selector: string) => parseFloat(getComputedStyle(document.querySelector(selector) ?? document.body).fontSize);
      return {
        eps: size('[data-testid="station-mumbai-eps"]'),
        metric: size('[data-testid="station-mumbai-failed"]'),
        reason: size('[data-testid="station-mumbai-reason"]'),
        total: size('[data-testid="total-viewers"]'),
        tile: size('[data-testid="cost-tile-total"]'),
      };
    });
  const before = await fontSizes();

  const toggle = page.getByTestId("wall-mode");
  await expect(toggle).toHaveAccessibleName(/Wall mode/);
  await expect(toggle).toHaveAttribute("aria-keyshortcuts", "F");
  await toggle.click();
  await expect(board).toHaveAttribute("data-wall", "true");
  await expect(page).toHaveURL(/[?&]wall=1\b/);
  await expect.poll(() => page.evaluate(() => document.fullscreenElement !== null)).toBe(true);
  await expect(page.getByTestId("wall-hint")).toContainText("Esc");

  // No controls at all, while the alerts strip stays.
  expect(await listControls(page)).toEqual([]);
  await expect(page.getByTestId("alerts")).toBeVisible();
  await expect(page.getByTestId("alerts-summary")).toBeVisible();

  const after = await fontSizes();
  for (const key of Object.keys(before) as (keyof typeof before)[]) {
    expect(after[key], `${key} text is larger on the wall`).toBeGreaterThanOrEqual(before[key] * 1.08);
  }
  // Larger type still fits the screen, uncut.
  expect(await page.evaluate(() => document.documentElement.scrollHeight)).toBeLessThanOrEqual(1080);
  expect((await checkClippedText(page)).clipped).toEqual([]);

  await page.keyboard.press("Escape");
  await expect(board).not.toHaveAttribute("data-wall");
  await expect(page).not.toHaveURL(/wall=/);
  await expect.poll(() => page.evaluate(() => document.fullscreenElement)).toBeNull();
  await expect(toggle).toBeFocused();

  await page.keyboard.press("f");
  await expect(board).toHaveAttribute("data-wall", "true");
  await page.keyboard.press("f");
  await expect(board).not.toHaveAttribute("data-wall");

  // A wall PC's start page: the server's own HTML is already in wall mode, so nothing flashes on boot.
  const html = await (await page.request.get("/?wall=1")).text();
  expect(html).toMatch(/data-wall="true"/);
  await openLiveBoard(page, "/?wall=1");
  await expect(board).toHaveAttribute("data-wall", "true");
  await expect(page.getByTestId("wall-mode")).toHaveCount(0);
  await expect(page.getByTestId("nav-board")).toHaveCount(0);
});

test("every text on the board reads at 4.5:1 or more against what is behind it", async ({ page }) => {
  for (const [width, height, path] of [
    [1920, 1080, "/"],
    [1366, 768, "/"],
    [1920, 1080, "/?wall=1"],
  ] as const) {
    await page.setViewportSize({ width, height });
    await openLiveBoard(page, path);
    if (path.includes("wall")) await expect(page.getByTestId("wall-hint")).toBeHidden({ timeout: 10_000 });
    // The check first proves it catches a planted grey of about 2.3:1 on the panel colour.
    await page.evaluate((root) => {
      const probe = document.createElement("p");
      probe.id = "planted-grey";
      probe.textContent = "planted low-contrast text";
      probe.style.color = "#4a525c";
      document.querySelector(`${root} section`)?.append(probe);
    }, BOARD);
    const planted = await page.evaluate(measureTextContrast, { rootSelector: BOARD, minimum: 4.5 });
    await page.evaluate(() => document.getElementById("planted-grey")?.remove());
    expect(planted.failures.map((failure) => failure.text)).toContain("planted low-contrast text");

    const report = await page.evaluate(measureTextContrast, { rootSelector: BOARD, minimum: 4.5 });
    expect(report.examined, `${width}×${height} ${path}: texts examined`).toBeGreaterThan(250);
    expect(report.failures, `${width}×${height} ${path}: lowest ${JSON.stringify(report.lowest)}`).toEqual([]);
  }
});

test("during an incident (two alerts, a drill, the board paused) the board still fits, uncut and readable, at both sizes and on the wall", async ({
  page,
  request,
}) => {
  test.setTimeout(180_000);
  await page.setViewportSize({ width: 1920, height: 1080 });
  await openLiveBoard(page);
  const calmTiles = await measureHeights(page, BREAKDOWN_TILES);
  const calmChart = (await readBox(page.getByTestId("chart-throughput"))).height;

  const incident = await startIncident(request);
  try {
    await test.step("1920×1080: one screen, the charts shrink and the tiles keep their height", async () => {
      await waitForIncident(page);
      await page.keyboard.press("p");
      await expect(page.getByTestId("paused-banner")).toBeVisible();
      expect(await page.evaluate(() => document.documentElement.scrollHeight)).toBeLessThanOrEqual(1080);
      for (const tile of TILES) expect((await readBox(page.getByTestId(tile))).bottom, `${tile} above the fold`).toBeLessThanOrEqual(1080);
      expect(await measureHeights(page, BREAKDOWN_TILES)).toEqual(calmTiles);
      expect((await readBox(page.getByTestId("chart-throughput"))).height).toBeLessThan(calmChart);
      expect(await measureHiddenAlerts(page)).toBeLessThanOrEqual(1);
      expect(await sitOnOneRow(page.getByTestId("board-header"))).toBe(true);
      expect(await findOverlaps(page)).toEqual([]);
      const report = await checkClippedText(page);
      expect(report.clipped).toEqual([]);
      expectIncidentExamined(report);
      expect((await page.evaluate(measureTextContrast, { rootSelector: BOARD, minimum: 4.5 })).failures).toEqual([]);
    });

    await test.step("wall mode: the strip's values, the drill and the pause stay as text, with no control", async () => {
      await page.keyboard.press("f");
      await expect(page.locator(BOARD)).toHaveAttribute("data-wall", "true");
      await expect(page.getByTestId("wall-hint")).toBeHidden({ timeout: 10_000 });
      expect(await listControls(page)).toEqual([]);
      await expect(page.getByTestId("open-drills")).toHaveCount(0);
      await expect(page.getByTestId("range-15m")).toHaveCount(0);
      await expect(page.getByTestId("throughput-fit")).toHaveCount(0);
      await expect(page.getByTestId("drill-banner-stop")).toHaveCount(0);
      await expect(page.getByTestId("station-mumbai-open")).toHaveCount(0);
      await expect(page.getByTestId("drill-banner-text")).toBeVisible();
      await expect(page.getByTestId("paused-banner")).toBeVisible();
      await expect(page.getByTestId("range-note")).toBeVisible();
      await expect(page.getByTestId("alerts").locator('[data-testid^="alert-value-"]')).toHaveCount(2);
      expect(await measureHiddenAlerts(page)).toBeLessThanOrEqual(1);
      expect(await page.evaluate(() => document.documentElement.scrollHeight)).toBeLessThanOrEqual(1080);
      const report = await checkClippedText(page);
      expect(report.clipped).toEqual([]);
      expectIncidentExamined(report);
      expect((await page.evaluate(measureTextContrast, { rootSelector: BOARD, minimum: 4.5 })).failures).toEqual([]);
      await page.keyboard.press("f");
      await expect(page.locator(BOARD)).not.toHaveAttribute("data-wall");
    });

    await test.step("1366×768: the header on one row, nothing wider than the screen, nothing cut", async () => {
      await page.setViewportSize({ width: 1366, height: 768 });
      await expect(page.getByTestId("paused-banner")).toBeVisible();
      expect(await sitOnOneRow(page.getByTestId("board-header"))).toBe(true);
      expect((await readBox(page.getByTestId("board-header"))).height).toBeLessThanOrEqual(48);
      expect(await findOverlaps(page)).toEqual([]);
      expect(await measureHiddenAlerts(page)).toBeLessThanOrEqual(1);
      expect(await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth)).toBe(0);
      const report = await checkClippedText(page);
      expect(report.clipped).toEqual([]);
      expectIncidentExamined(report);
      expect((await page.evaluate(measureTextContrast, { rootSelector: BOARD, minimum: 4.5 })).failures).toEqual([]);
    });
  } finally {
    await endIncident(request, incident);
  }
  // The rules are gone and the drill stopped: their alerts resolve and the banner leaves, for the specs after this one.
  await page.keyboard.press("p");
  await expect(page.getByTestId("drill-banner")).toHaveCount(0);
  await expect(page.getByTestId("alerts").locator("li", { hasText: "layout e2e" })).toHaveCount(0, { timeout: 30_000 });
});
