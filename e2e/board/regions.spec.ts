import { expect, test, type Locator, type Page } from "../fixtures";
import { REGION_IDS, type RegionId } from "@/core/routing/regions";

type Control = "failover" | "failback" | "trip" | "reset";

// The e2e server is shared by every spec: whatever this file fails over or trips, it puts back.
const failedOverHere = new Set<RegionId>();
const trippedHere = new Set<RegionId>();

test.afterEach(async ({ request }) => {
  for (const region of failedOverHere) {
    const response = await request.post(`/api/regions/${region}/failback`, { data: { reason: "e2e clean-up" } });
    expect(response.status()).toBe(200);
  }
  for (const region of trippedHere) {
    const response = await request.post(`/api/regions/${region}/breaker`, { data: { action: "reset", reason: "e2e clean-up" } });
    expect(response.status()).toBe(200);
  }
  failedOverHere.clear();
  trippedHere.clear();
});

async function openControlDialog(page: Page, region: RegionId, control: Control): Promise<Locator> {
  await page.getByTestId(`station-${region}-actions`).click();
  await page.getByTestId(`action-${control}`).click();
  const dialog = page.getByTestId("confirm-dialog");
  await expect(dialog).toBeVisible();
  return dialog;
}

function findChange(page: Page, region: RegionId, action: string): Locator {
  return page.getByTestId("region-changes").locator(`li[data-region="${region}"][data-action="${action}"]`).first();
}

test("an operator fails Pune over with a reason and back again from the board", async ({ page }) => {
  const reason = `e2e drill ${Date.now()}: Pune brokers flapping`;
  await page.goto("/");
  const pune = page.getByTestId("station-pune");
  await expect(pune).toHaveAttribute("data-active", "true");

  const dialog = await openControlDialog(page, "pune", "failover");
  // The confirmation says where Pune's viewers would go: Mumbai is the nearest region, far below 85%.
  const preview = dialog.getByTestId("load-preview");
  await expect(preview).toContainText(/[\d,]+ viewers move from Pune \(as of \d{2}:\d{2}:\d{2} IST\):/);
  await expect(preview.locator("li").first()).toHaveAttribute("data-region", "mumbai");
  await expect(preview.locator("li").first()).toContainText(/Mumbai\+[\d,]+\d+\.\d% → \d+\.\d%/);
  await dialog.getByTestId("confirm-reason").fill(reason);
  await expect(dialog.getByTestId("confirm-submit")).toHaveText("Fail over Pune");
  failedOverHere.add("pune");
  await dialog.getByTestId("confirm-submit").click();
  await expect(dialog).toBeHidden();

  await expect(pune).toHaveAttribute("data-active", "false");
  await expect(pune).toContainText("Failed over");
  // One statement: when, by whom and why it was failed over, and no status plate saying OK beside it.
  await expect(page.getByTestId("station-pune-reason")).toHaveText(
    new RegExp(`^Failed over \\d{2}:\\d{2}:\\d{2} IST by admin: ${reason}$`),
  );
  await expect(pune).not.toContainText(/\bOK\b/);
  // The load moves where the confirmation said: Pune spills out, Mumbai takes it in.
  await expect(pune).toContainText(/spilling out [\d.,]+[KL]?\/s/);
  await expect(page.getByTestId("station-mumbai")).toContainText(/taking in [\d.,]+[KL]?\/s/);
  const failover = findChange(page, "pune", "failover");
  await expect(failover).toContainText("Pune failed over");
  await expect(failover).toContainText("manual");
  await expect(failover).toContainText(reason);
  await expect(failover.locator("time")).toHaveText(/^\d{2}:\d{2}:\d{2}$/);

  const back = await openControlDialog(page, "pune", "failback");
  await expect(back.getByTestId("confirm-submit")).toHaveText("Fail back Pune");
  await back.getByTestId("confirm-submit").click();
  await expect(back).toBeHidden();
  await expect(pune).toHaveAttribute("data-active", "true");
  failedOverHere.delete("pune");
  await expect(pune).not.toContainText("Failed over");
  await expect(findChange(page, "pune", "failback")).toContainText("Pune failed back");
});

test("the dialog shows the server's refusal to fail over the last active region", async ({ page }) => {
  for (const region of REGION_IDS.filter((id) => id !== "pune")) {
    const response = await page.request.post(`/api/regions/${region}/failover`, { data: { reason: "e2e: leave Pune last" } });
    if (response.ok()) failedOverHere.add(region);
    else expect(response.status()).toBe(409);
  }
  await page.goto("/");
  await expect(page.getByTestId("station-mumbai")).toHaveAttribute("data-active", "false");
  await expect(page.getByTestId("station-pune")).toHaveAttribute("data-active", "true");

  const dialog = await openControlDialog(page, "pune", "failover");
  await dialog.getByTestId("confirm-submit").click();
  await expect(dialog.getByTestId("confirm-error")).toContainText(
    "Pune is the last active region; failing it over would leave nowhere to route.",
  );
  await expect(dialog.getByTestId("confirm-submit")).toHaveText("Fail over Pune");

  await page.keyboard.press("Escape");
  await expect(dialog).toBeHidden();
  await expect(page.getByTestId("station-pune-actions")).toBeFocused();
  await expect(page.getByTestId("station-pune")).toHaveAttribute("data-active", "true");
});

test("an operator trips and resets Pune's breaker with the keyboard", async ({ page }) => {
  await page.goto("/");
  const pune = page.getByTestId("station-pune");
  await expect(pune).toHaveAttribute("data-circuit", "closed");

  await page.getByTestId("station-pune-actions").focus();
  await page.keyboard.press("Enter");
  await expect(page.getByTestId("action-failover")).toBeFocused();
  await page.keyboard.press("ArrowDown");
  await expect(page.getByTestId("action-trip")).toBeFocused();
  await page.keyboard.press("Enter");
  await expect(page.getByTestId("confirm-reason")).toBeFocused();
  await page.keyboard.type("e2e: keyboard trip");
  trippedHere.add("pune");
  await page.keyboard.press("Enter");
  await expect(page.getByTestId("confirm-dialog")).toBeHidden();
  await expect(pune).toHaveAttribute("data-circuit", "open");
  await expect(findChange(page, "pune", "breaker_trip")).toContainText("breaker tripped by hand");

  const reset = await openControlDialog(page, "pune", "reset");
  await reset.getByTestId("confirm-submit").click();
  await expect(reset).toBeHidden();
  await expect(pune).toHaveAttribute("data-circuit", "closed");
  trippedHere.delete("pune");
  await expect(findChange(page, "pune", "breaker_reset")).toContainText("breaker reset by hand");
});
