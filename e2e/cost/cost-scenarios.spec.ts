import { readFile } from "node:fs/promises";
import type { SavedCostScenarioList } from "@/core/cost/cost-api";
import { expect, test, type Locator, type Page } from "../fixtures";

/** The name of the scenario saved here, unique to this run; its copy is named after it. */
const name = `E2E six in Mumbai ${Date.now()}`;
const copyName = `${name} (copy)`;

// The e2e server is shared by every spec: the scenarios saved here are deleted again.
test.afterEach(async ({ request }) => {
  const { scenarios } = (await (await request.get("/api/cost/scenarios?limit=500")).json()) as SavedCostScenarioList;
  for (const saved of scenarios.filter((s) => s.name === name || s.name === copyName)) {
    expect((await request.delete(`/api/cost/scenarios/${saved.id}`)).status()).toBe(200);
  }
});

/** The saved-list entry whose name is exactly `name` (a copy's name starts with the original's). */
function savedEntry(page: Page, name: string): Locator {
  return page.getByTestId("saved-scenario").filter({ has: page.getByTestId("saved-name").getByText(name, { exact: true }) });
}

async function readDownload(page: Page, click: () => Promise<void>): Promise<{ fileName: string; text: string }> {
  const [download] = await Promise.all([page.waitForEvent("download"), click()]);
  return { fileName: download.suggestedFilename(), text: await readFile(await download.path(), "utf8") };
}

test("the reference scenario: totals, an edit, the failover what-if and both exports", async ({ page }) => {
  await page.goto("/cost");
  await expect(page.getByTestId("cost-start")).toBeVisible();
  await page.getByTestId("load-reference").click();

  // SPEC section 6's reference: mumbai 31,350 + bangalore 16,410; all four optimisations 18,690 + 12,831
  await expect(page.getByTestId("total-now")).toHaveText("₹47,760");
  await expect(page.getByTestId("total-optimised")).toHaveText("₹31,521");
  await expect(page.getByTestId("total-saving")).toHaveText("₹16,239");
  await expect(page.getByTestId("budget-verdict")).toHaveText("Within budget");
  await expect(page.getByTestId("recommendations")).toContainText("Autoscale with the traffic pattern: save ₹12,300/month");
  await expect(page.getByTestId("save-status")).toHaveText("Not saved yet");

  // Failing bangalore over moves its load to mumbai: 8 × 720 × ₹8 + both regions' storage, traffic and partitions = ₹50,160
  await page.getByTestId("failover-pick-bangalore").check();
  await expect(page.getByTestId("failover-result")).toContainText("Mumbai");
  await expect(page.getByTestId("failover-cost")).toContainText("₹50,160");
  await expect(page.getByTestId("failover-cost")).toContainText("+₹2,400");

  const csv = await readDownload(page, () => page.getByTestId("export-csv").click());
  expect(csv.fileName).toBe("startup-on-two-regions.csv");
  const lines = csv.text.replace(/^\uFEFF/, "").split("\r\n");
  expect(lines[0]).toBe("section,region,item,current_inr,optimised_inr,saving_inr,detail");
  expect(lines).toContain("cost,,total,47760.00,31521.00,16239.00,all four strategies together");

  const json = await readDownload(page, () => page.getByTestId("export-json").click());
  expect(json.fileName).toBe("startup-on-two-regions.json");
  const report = JSON.parse(json.text) as {
    current: { totalInr: number };
    failovers: Array<{ failedRegion: string; failoverInr: number }>;
  };
  expect(report.current.totalInr).toBe(47_760);
  expect(report.failovers.map((f) => [f.failedRegion, f.failoverInr])).toEqual([
    ["mumbai", 43_760],
    ["bangalore", 50_160],
  ]);
});

test("a bad field shows the schema's reason beside it while the last valid results stay", async ({ page }) => {
  await page.goto("/cost");
  await page.getByTestId("load-reference").click();
  await expect(page.getByTestId("total-now")).toHaveText("₹47,760");

  const instances = page.getByTestId("field-mumbai-instances");
  await instances.fill("0");
  await expect(instances).toHaveAttribute("aria-invalid", "true");
  await expect(page.getByTestId("form-errors")).toContainText("1 field needs fixing");
  await expect(page.getByTestId("form-errors")).toContainText("Mumbai · Instances: must be at least 1");
  await expect(page.getByText("must be at least 1", { exact: true })).toBeVisible();
  await expect(page.getByTestId("cost-results")).toHaveAttribute("data-stale", "true");
  await expect(page.getByTestId("total-now")).toHaveText("₹47,760");
  await expect(page.getByTestId("save")).toHaveAttribute("aria-disabled", "true");

  await page.getByTestId("field-bangalore-storageGb").fill("lots");
  await expect(page.getByTestId("form-errors")).toContainText("Bangalore · Storage GB: must be a number");

  await instances.fill("5");
  await page.getByTestId("field-bangalore-storageGb").fill("300");
  await expect(page.getByTestId("form-errors")).toHaveAttribute("data-count", "0");
  await expect(instances).not.toHaveAttribute("aria-invalid");
  await expect(page.getByTestId("cost-results")).not.toHaveAttribute("data-stale");

  // Nothing saved yet, so starting over asks first.
  await page.getByTestId("load-blank").click();
  await expect(page.getByTestId("discard-notice")).toBeVisible();
  await page.getByRole("button", { name: "Keep editing" }).click();
  await expect(page.getByTestId("discard-notice")).toHaveCount(0);
  await expect(page.getByTestId("scenario-name")).toHaveValue("Startup on two regions");
  await page.getByTestId("load-blank").click();
  await page.getByRole("button", { name: "Discard and start" }).click();
  await expect(page.getByTestId("scenario-name")).toHaveValue("New scenario");
  // one mumbai instance pair: 2 × 720 h × ₹8
  await expect(page.getByTestId("total-now")).toHaveText("₹11,520");
});

test("save, reload, reopen, duplicate, compare and delete scenarios", async ({ page }) => {
  await page.goto("/cost");
  await page.getByTestId("load-reference").click();
  await expect(page.getByTestId("total-now")).toHaveText("₹47,760");

  // One more mumbai instance: 720 h × ₹8 = ₹5,760 more, 47,760 + 5,760 = 53,520
  await page.getByTestId("field-mumbai-instances").fill("6");
  await expect(page.getByTestId("total-now")).toHaveText("₹53,520");
  await expect(page.getByTestId("region-total-mumbai")).toHaveText("₹37,110/mo");
  await page.getByTestId("scenario-name").fill(name);
  await expect(page.getByTestId("save-status")).toHaveText("Not saved yet");
  await page.getByTestId("save").click();
  await expect(page.getByTestId("save-status")).toHaveText(/^Saved \d{2}:\d{2}:\d{2} IST$/);
  await expect(page).toHaveURL(/\/cost\?id=[0-9a-f-]{36}$/);
  await expect(savedEntry(page, name)).toHaveAttribute("aria-current", "true");
  await expect(savedEntry(page, name).getByTestId("saved-total")).toHaveText("₹53,520");

  // The address names the scenario, so a reload reopens it as saved.
  await page.reload();
  await expect(page.getByTestId("scenario-name")).toHaveValue(name);
  await expect(page.getByTestId("field-mumbai-instances")).toHaveValue("6");
  await expect(page.getByTestId("total-now")).toHaveText("₹53,520");
  await expect(page.getByTestId("save-status")).toHaveText(/^Saved /);

  // A fresh page starts empty; the saved list reopens it.
  await page.goto("/cost");
  await expect(page.getByTestId("cost-start")).toBeVisible();
  await savedEntry(page, name).getByTestId("saved-open").click();
  await expect(page.getByTestId("field-mumbai-instances")).toHaveValue("6");
  await expect(page.getByTestId("total-now")).toHaveText("₹53,520");

  await savedEntry(page, name).getByTestId("saved-duplicate").click();
  await expect(savedEntry(page, copyName)).toBeVisible();
  await savedEntry(page, copyName).getByTestId("saved-open").click();
  await expect(page.getByTestId("scenario-name")).toHaveValue(copyName);
  // One more bangalore instance on the copy: 720 h × ₹7 = ₹5,040 more → 58,560
  await page.getByTestId("field-bangalore-instances").fill("4");
  await expect(page.getByTestId("total-now")).toHaveText("₹58,560");
  await expect(page.getByTestId("save-status")).toHaveText("Unsaved changes");
  await page.keyboard.press("Control+s");
  await expect(page.getByTestId("save-status")).toHaveText(/^Saved /);
  await expect(savedEntry(page, copyName).getByTestId("saved-total")).toHaveText("₹58,560");
  await expect(savedEntry(page, name).getByTestId("saved-total")).toHaveText("₹53,520");

  await page.getByTestId("tab-compare").click();
  await page.getByTestId("compare-pick-a").selectOption({ label: name });
  await page.getByTestId("compare-pick-b").selectOption({ label: copyName });
  await expect(page.getByTestId("compare-a-total")).toHaveText("₹53,520");
  await expect(page.getByTestId("compare-b-total")).toHaveText("₹58,560");
  await expect(page.getByTestId("compare-delta-total")).toHaveText("+₹5,040");
  await expect(page.getByTestId("compare-delta-region-bangalore")).toHaveText("+₹5,040");
  await expect(page.getByTestId("compare-delta-region-mumbai")).toHaveText("₹0");
  await expect(page.getByTestId("compare-chart").locator(".recharts-bar-rectangle").first()).toBeVisible();

  await savedEntry(page, copyName).getByTestId("saved-delete").click();
  await savedEntry(page, copyName).getByTestId("saved-delete-confirm").click();
  await expect(savedEntry(page, copyName)).toHaveCount(0);
  await expect(savedEntry(page, name)).toHaveCount(1);
});

test("the board's cost tile shows the live projection and leads to /cost", async ({ page }) => {
  await page.goto("/");
  const tile = page.getByTestId("cost-tile");
  await expect(tile).toBeVisible();
  // 50,000 simulated viewers send a few thousand events/s, far below one 50,000-events/s instance per region,
  // so every region runs its minimum of 2: 2 × 720 h × (8 + 7.5 + 7 + 6.8 + 7.2 + 6.5) = ₹61,920
  await expect(page.getByTestId("cost-tile-total")).toHaveText("₹61,920");
  await expect(tile).toContainText("12 instances");
  await page.getByTestId("cost-tile-link").click();
  await expect(page).toHaveURL(/\/cost$/);
  await expect(page.getByTestId("nav-cost")).toHaveAttribute("aria-current", "page");
  await page.getByTestId("nav-board").click();
  await expect(page).toHaveURL(/\/$/);
  await expect(page.getByTestId("cost-tile")).toBeVisible();
});
