import type { UserView } from "@/core/auth/auth";
import { expect, test } from "../fixtures";

// The e2e server is shared by every spec: every drill made here is ended, and each only takes the alternative path.
test.afterEach(async ({ request }) => {
  expect((await request.delete("/api/chaos")).status()).toBe(200);
});

const BLOCKED = "blocked_user in entitlement check";

test("an operator starts a drill from the board, the banner and the station show it, it is stopped from the UI, and the timeline keeps its start and end", async ({
  page,
}) => {
  // Many steps, each waiting on the live feed or a page: on a loaded machine they took 57 s together.
  test.setTimeout(120_000);
  await page.goto("/");
  const failed = page.getByTestId("station-hyderabad-failed");
  await expect(failed).toHaveText("0/s");
  await expect(page.getByTestId("drill-banner")).toHaveCount(0);

  // The header's button opens the panel from the keyboard; Escape closes it and focus returns to the button.
  const open = page.getByTestId("open-drills");
  await open.focus();
  await page.keyboard.press("Enter");
  const dialog = page.getByTestId("drills-dialog");
  await expect(dialog).toBeVisible();
  await expect(dialog.getByTestId("drills-none")).toHaveText("No drill is running.");
  await page.keyboard.press("Escape");
  await expect(dialog).toHaveCount(0);
  await expect(open).toBeFocused();

  await open.click();
  // The API's own rules, each beside its field, before anything is sent.
  await dialog.getByTestId("drill-rate").fill("150");
  await dialog.getByTestId("drill-duration").fill("");
  await dialog.getByTestId("drill-start").click();
  await expect(dialog.getByTestId("drill-field-error")).toHaveText([
    "rate must be a percentage from 0 to 100",
    "durationSeconds must be a number",
  ]);
  await expect(dialog.getByTestId("drill-rate")).toHaveAttribute("aria-invalid", "true");

  await dialog.getByTestId("drill-region").selectOption("hyderabad");
  await dialog.getByRole("button", { name: BLOCKED }).click();
  await expect(dialog.getByTestId("drill-error")).toHaveValue(BLOCKED);
  const severity = dialog.getByTestId("drill-severity");
  await expect(severity.locator("[data-severity]")).toHaveText("PERSISTENT");
  await expect(severity).toContainText("each failing event takes the alternative path: counted, with no quality decision");
  await dialog.getByTestId("drill-rate").fill("40");
  await dialog.getByTestId("drill-duration").fill("300");
  await expect(dialog.getByTestId("drill-field-error")).toHaveCount(0);
  await dialog.getByTestId("drill-start").click();

  const row = dialog.getByTestId("running-drill");
  await expect(row).toHaveCount(1);
  await expect(row).toContainText(`processor in Hyderabad, 40% “${BLOCKED}”`);
  await expect(row).toContainText(/PERSISTENT started \d\d:\d\d:\d\d IST by admin/);
  await expect(row.getByTestId("drill-time-left")).toHaveText(/^(5 min|4 min \d{1,2} s) left$/);
  await page.keyboard.press("Escape");
  await expect(dialog).toHaveCount(0);

  // The banner says what runs and counts down, live from the snapshot; the station shows the failures.
  const banner = page.getByTestId("drill-banner");
  const bannerText = page.getByTestId("drill-banner-text");
  await expect(banner).toContainText("Drill running:");
  await expect(bannerText).toHaveText(new RegExp(`^processor in Hyderabad, 40% “${BLOCKED}”, (5 min|4 min \\d{1,2} s) left$`));
  const before = await bannerText.textContent();
  await expect(bannerText).not.toHaveText(before!);
  await expect(page.getByTestId("open-drills")).toHaveAccessibleName("Drills, 1 running");
  await expect(failed).not.toHaveText("0/s");

  // The banner opens the panel; the drill is stopped from its row, and the banner and the failures go.
  await page.getByTestId("drill-banner-open").click();
  await expect(dialog).toBeVisible();
  await dialog.getByTestId("drill-stop").click();
  await expect(dialog.getByTestId("drills-none")).toBeVisible();
  await dialog.getByTestId("drills-close").click();
  await expect(dialog).toHaveCount(0);
  await expect(banner).toHaveCount(0);
  // The banner that opened the dialog is gone, so focus goes to the header's button.
  await expect(open).toBeFocused();
  await expect(failed).toHaveText("0/s");

  // The timeline has its start, who started it and what it does, and its end, who stopped it and what it did.
  await page.getByTestId("nav-timeline").click();
  const start = page.locator('[data-kind="drill"][data-action="drill_start"]').first();
  const stop = page.locator('[data-kind="drill"][data-action="drill_stop"]').first();
  await expect(start).toContainText(`Drill started: processor in Hyderabad, 40% “${BLOCKED}” for 5 min`);
  await expect(start).toContainText("by admin · PERSISTENT: each failing event takes the alternative path");
  await expect(stop).toContainText(
    new RegExp(`Drill stopped after (\\d+ s|\\d+ min( \\d+ s)?) of 5 min: processor in Hyderabad, 40% “${BLOCKED}”`),
  );
  await expect(stop).toContainText(/by admin · [\d,]+ failures? injected/);
});

test("the banner's Stop ends the drill on the board; several drills are counted and stopped together", async ({ page, request }) => {
  await page.goto("/");
  const drill = { component: "processor", region: "kolkata", errorMessage: BLOCKED, rate: 0.2, durationSeconds: 600 };
  expect((await request.post("/api/chaos", { data: drill })).status()).toBe(201);
  const banner = page.getByTestId("drill-banner");
  await expect(page.getByTestId("drill-banner-text")).toHaveText(new RegExp(`^processor in Kolkata, 20% “${BLOCKED}”, (10|9) min`));
  await page.getByTestId("drill-banner-stop").click();
  await expect(banner).toHaveCount(0);

  expect((await request.post("/api/chaos", { data: drill })).status()).toBe(201);
  expect((await request.post("/api/chaos", { data: { ...drill, region: "delhi", durationSeconds: 60 } })).status()).toBe(201);
  await expect(banner).toContainText("2 drills running:");
  await expect(page.getByTestId("drill-banner-text")).toContainText("· and 1 more");
  await expect(page.getByTestId("drill-banner-stop")).toHaveText("Stop all");
  await page.getByTestId("drill-banner-stop").click();
  await expect(banner).toHaveCount(0);
  expect(((await (await request.get("/api/chaos")).json()) as { faults: unknown[] }).faults).toEqual([]);
});

test("a viewer sees the running drills read-only: Operators only", async ({ browser, request, baseURL }) => {
  const username = `e2e-drill-viewer-${Date.now()}`;
  const created = await request.post("/api/users", { data: { username, password: "e2e-viewer-password", role: "viewer" } });
  expect(created.status()).toBe(201);
  const { id } = (await created.json()) as UserView;
  const context = await browser.newContext({ baseURL: baseURL!, storageState: { cookies: [], origins: [] } });
  try {
    expect(
      (
        await request.post("/api/chaos", {
          data: { component: "commands", errorMessage: "network unreachable", rate: 0.1, durationSeconds: 120 },
        })
      ).status(),
    ).toBe(201);
    expect((await context.request.post("/api/session", { data: { username, password: "e2e-viewer-password" } })).status()).toBe(200);
    const page = await context.newPage();
    await page.goto("/drills");
    await expect(page.getByTestId("nav-drills")).toHaveAttribute("aria-current", "page");
    await expect(page.getByTestId("drills-read-only")).toHaveText("Operators only: you can watch drills, not start or stop them.");
    await expect(page.getByTestId("running-drill")).toContainText("commands in every region, 10% “network unreachable”");
    await expect(page.getByTestId("drill-stop")).toBeDisabled();
    await expect(page.getByTestId("drill-stop")).toHaveAttribute("title", "Operators only");
    await expect(page.getByTestId("drills-stop-all")).toBeDisabled();
    await expect(page.getByTestId("drill-start")).toBeDisabled();
    await expect(page.getByTestId("drill-error")).toBeDisabled();

    await page.getByTestId("nav-board").click();
    await expect(page.getByTestId("drill-banner-stop")).toBeDisabled();
    await expect(page.getByTestId("drill-banner-stop")).toHaveAttribute("title", "Operators only");
  } finally {
    await context.close();
    expect((await request.delete(`/api/users/${id}`)).status()).toBe(200);
  }
});
