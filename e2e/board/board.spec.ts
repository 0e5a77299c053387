import { expect, test } from "../fixtures";
import { formatInteger } from "@/components/ui/format";
import type { DlqSummary } from "@/core/dlq/dlq-api";
import { REGION_IDS } from "@/core/routing/regions";

function parseCount(text: string | null): number {
  return Number((text ?? "").replace(/[^\d.]/g, ""));
}

test("the board shows every region as a station", async ({ page, request }) => {
  // Other specs make dead letters on purpose: the simulator alone adds none, so the header shows the open
  // ones from before this spec (0 on a fresh server), and the books balance.
  const before = (await (await request.get("/api/dlq/summary")).json()) as DlqSummary;
  await page.goto("/");
  for (const id of REGION_IDS) await expect(page.getByTestId(`station-${id}`)).toBeVisible();
  await expect(page.getByTestId("live-indicator")).toHaveAttribute("data-state", "live");
  await expect(page.getByTestId("health-score")).toHaveText("100");
  await expect(page.getByTestId("total-dlq-open")).toHaveText(formatInteger(before.open));
  await expect(page.getByTestId("total-processed")).toHaveAttribute("data-balanced", "true");
});

test("numbers change live", async ({ page }) => {
  await page.goto("/");
  const processed = page.getByTestId("total-processed");
  await expect(processed).not.toHaveText(/^\s*0\s*$/);
  const first = await processed.textContent();
  await expect.poll(async () => processed.textContent(), { timeout: 10_000 }).not.toBe(first);
  await expect.poll(async () => parseCount(await page.getByTestId("station-mumbai-eps").textContent())).toBeGreaterThan(0);
});

test("a reload restores the charts from history before any live update", async ({ page }, testInfo) => {
  await page.goto("/");
  await expect(page.getByTestId("live-indicator")).toHaveAttribute("data-state", "live");
  // Let a few 2 s rollups reach the database, then reload with live updates cut off.
  await expect
    .poll(async () => (await (await page.request.get("/api/history")).json()).rollups.length, { timeout: 20_000 })
    .toBeGreaterThan(14);
  // Only /api/history may feed the charts now: live updates and snapshots are cut off. page.route cannot stop a
  // WebSocket, so the socket is routed and refused until the feed is let through again.
  let liveCutOff = true;
  await page.routeWebSocket(/\/socket\.io\//, (socket) => {
    if (liveCutOff) socket.close();
    else socket.connectToServer();
  });
  await page.route("**/api/snapshot", (route) => route.abort());
  await page.reload();
  await expect(page.getByTestId("live-indicator")).not.toHaveAttribute("data-state", "live");
  await expect(page.getByTestId("chart-throughput").locator("path.recharts-area-area").first()).toBeVisible();
  await expect(page.getByTestId("chart-latency").locator("path.recharts-line-curve").first()).toBeVisible();
  liveCutOff = false;
  await page.unroute("**/api/snapshot");
  await expect(page.getByTestId("live-indicator")).toHaveAttribute("data-state", "live");
  await page.screenshot({ path: testInfo.outputPath("board-1920x1080.png"), fullPage: true });
});

test("the board fits a laptop screen without horizontal scrolling", async ({ page }, testInfo) => {
  await page.setViewportSize({ width: 1366, height: 768 });
  await page.goto("/");
  await expect(page.getByTestId("station-kolkata")).toBeVisible();
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  expect(overflow).toBe(0);
  await page.screenshot({ path: testInfo.outputPath("board-1366x768.png"), fullPage: true });
});
