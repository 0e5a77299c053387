import { expect, test, type Locator, type Page } from "../fixtures";
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
  const report = await checkClippedText(page);
  expect(report.clipped).toEqual([]);
});

test("at 1366×768 the laptop layout puts the header on one row and stations, alerts and totals in the first screen", async ({ page }) => {
  await page.setViewportSize({ width: 1366, height: 768 });
  await openLiveBoard(page);
  const header = page.getByTestId("board-header");
  expect(await sitOnOneRow(header)).toBe(true);
  expect((await readBox(header)).height).toBeLessThanOrEqual(48);
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
  const controls = await page.evaluate((root) => {
    const selector =
      'button, a[href], input, select, textarea, summary, nav, [role="button"], [role="link"], [role="menu"], [role="menuitem"]';
    return [...(document.querySelector(root)?.querySelectorAll(selector) ?? [])]
      .filter((element) => element.getClientRects().length > 0 && getComputedStyle(element).visibility !== "hidden")
      .map((element) => element.outerHTML.slice(0, 120));
  }, BOARD);
  expect(controls).toEqual([]);
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
