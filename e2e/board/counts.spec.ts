import { expect, test, type Page } from "../fixtures";
import type { DlqSummary, ReplayJobProgress } from "@/core/dlq/dlq-api";
import { formatInteger } from "@/components/ui/format";
import { REGION_IDS } from "@/core/routing/regions";
import { makeDeadLetters } from "../dlq/dead-letters";

// The e2e server is shared by every spec: the drill made here is ended.
test.afterEach(async ({ request }) => {
  expect((await request.delete("/api/chaos")).status()).toBe(200);
});

const COUNT = 4;

/** The header's and the tile's open dead letters and GET /api/dlq/summary's, read together. */
async function readOpenCounts(page: Page): Promise<{ header: string | null; tile: string | null; api: string }> {
  const summary = (await (await page.request.get("/api/dlq/summary")).json()) as DlqSummary;
  return {
    header: await page.getByTestId("total-dlq-open").textContent(),
    tile: await page.getByTestId("dlq-tile-open").textContent(),
    api: formatInteger(summary.open),
  };
}

test("the header and the DLQ tile count the same open dead letters as the API, before and after a replay", async ({ page, request }) => {
  test.setTimeout(150_000);
  const before = ((await (await request.get("/api/dlq/summary")).json()) as DlqSummary).open;
  await page.goto("/");
  const tag = await makeDeadLetters(request, COUNT, "e2e-counts");

  const agreeOn = async (open: number) =>
    expect
      .poll(() => readOpenCounts(page), { timeout: 30_000 })
      .toEqual({
        header: formatInteger(open),
        tile: formatInteger(open),
        api: formatInteger(open),
      });
  await agreeOn(before + COUNT);
  await expect(page.getByTestId("total-dlq-open").locator("xpath=..")).toHaveAttribute("data-alert", "true");
  // The books' cumulative term is labelled as such, beside Processed; it is not the open count.
  await expect(page.getByTestId("total-processed")).toHaveAttribute("title", /dead-lettered since start/);

  const started = (await (await request.post("/api/dlq/replay-jobs", { data: { filter: { q: tag } } })).json()) as ReplayJobProgress;
  await expect
    .poll(async () => ((await (await request.get(`/api/dlq/replay-jobs/${started.id}`)).json()) as { job: ReplayJobProgress }).job.state)
    .toBe("done");
  // The replayed events are processed this time, which resolves their entries: every count drops together.
  await agreeOn(before);
});

test("the header's viewers are the stations' viewers added up", async ({ page }) => {
  await page.goto("/");
  await expect(page.getByTestId("live-indicator")).toHaveAttribute("data-state", "live");
  // Exact figures are in the titles; one synchronous read sees a single snapshot's render.
  const read = () =>
    page.evaluate((ids) => {
      const exact = (testId: string) =>
        Number(document.querySelector(`[data-testid="${testId}"]`)?.getAttribute("title")?.replace(/,/g, ""));
      return { total: exact("total-viewers"), stations: ids.reduce((sum, id) => sum + exact(`station-${id}-viewers`), 0) };
    }, REGION_IDS);
  await expect.poll(async () => (await read()).total).toBeGreaterThan(0);
  const { total, stations } = await read();
  expect(stations).toBe(total);
});
