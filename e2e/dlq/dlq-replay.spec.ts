import { expect, test } from "../fixtures";
import type { DeadLetterPage } from "@/core/dlq/dlq-api";
import { makeDeadLetters } from "./dead-letters";

// The e2e server is shared by every spec: the drill made here is ended.
test.afterEach(async ({ request }) => {
  expect((await request.delete("/api/chaos")).status()).toBe(200);
});

const COUNT = 3;

test("an operator filters the DLQ, opens an entry, dry-runs a replay, replays it live and sees the replay counted", async ({
  page,
  request,
}) => {
  test.setTimeout(120_000);
  const tag = await makeDeadLetters(request, COUNT, "e2e-dlq");

  await page.goto("/");
  await expect(page.getByTestId("dlq-tile-open")).toHaveText(/^[1-9][\d,]*$/);
  await page.getByTestId("dlq-tile-link").click();
  await expect(page).toHaveURL(/\/dlq$/);
  await expect(page.getByTestId("nav-dlq")).toHaveAttribute("aria-current", "page");

  await page.getByTestId("filter-region").selectOption("kolkata");
  await page.getByTestId("filter-q").fill(tag);
  await page.getByTestId("filter-q").press("Enter");
  await expect(page).toHaveURL(new RegExp(`/dlq\\?region=kolkata&q=${tag}$`));
  const rows = page.getByTestId("dlq-row");
  await expect(rows).toHaveCount(COUNT);
  for (const row of await rows.all()) {
    await expect(row).toContainText("Kolkata");
    await expect(row).toContainText("CATASTROPHIC");
    await expect(row.getByTestId("dlq-replays")).toHaveText("0 of 5");
  }

  // The keyboard opens an entry: focus its row and press Enter.
  await rows.first().focus();
  await page.keyboard.press("Enter");
  const panel = page.getByTestId("dlq-entry");
  await expect(panel).toBeVisible();
  await expect(panel.getByTestId("dlq-entry-event")).toContainText(`"event_id": "${tag}-`);
  await expect(panel.getByTestId("dlq-entry-event")).toContainText(`"location": "Kolkata"`);
  await expect(panel.getByTestId("dlq-entry-error")).toContainText("data_loss on segment upload");
  await expect(panel.getByTestId("dlq-entry-replays")).toHaveText("replayed 0 of 5 times");
  await expect(panel.getByTestId("dlq-entry-history").locator("li")).toHaveCount(2);
  await page.keyboard.press("Escape");
  await expect(panel).toBeHidden();

  await page.getByTestId("dlq-select-page").check();
  await expect(page.getByTestId("dlq-selection")).toContainText(`${COUNT} selected`);
  await page.getByTestId("dlq-replay").click();
  const dialog = page.getByTestId("replay-dialog");
  const dry = dialog.getByTestId("replay-dry-run");
  await expect(dry.getByTestId("replay-count-requeued")).toContainText(String(COUNT));
  await expect(dry.getByTestId("replay-count-refused")).toContainText("0");
  await expect(dry.getByTestId("replay-outcomes").locator("tbody tr")).toHaveCount(COUNT);
  await expect(dry.getByTestId("replay-outcomes").locator("tbody tr").first()).toContainText("would be sent through the pipeline again");

  await dialog.getByTestId("replay-confirm").click();
  const bar = dialog.getByRole("progressbar");
  await expect(bar).toHaveAttribute("data-state", "done");
  await expect(bar).toHaveAttribute("aria-valuenow", String(COUNT));
  await expect(bar).toHaveAttribute("aria-valuemax", String(COUNT));
  const done = dialog.getByTestId("replay-outcomes").locator("tbody tr");
  await expect(done).toHaveCount(COUNT);
  for (const row of await done.all()) await expect(row).toContainText("sent through the pipeline again");
  await dialog.getByRole("button", { name: "Close" }).click();
  await expect(dialog).toBeHidden();

  for (const row of await rows.all()) await expect(row.getByTestId("dlq-replays")).toHaveText("1 of 5");
  const stored = (await (await request.get(`/api/dlq?q=${tag}`)).json()) as DeadLetterPage;
  expect(stored.entries.map((e) => e.replayCount)).toEqual([1, 1, 1]);
});
