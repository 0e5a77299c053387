import { expect, test, type Page } from "../fixtures";
import type { DeadLetterPage, DlqSummary, ReplayJobProgress } from "@/core/dlq/dlq-api";
import { formatInteger } from "@/components/ui/format";
import { makeDeadLetters } from "./dead-letters";

// The e2e server is shared by every spec: a drill left running would fail other specs' events.
test.afterEach(async ({ request }) => {
  expect((await request.delete("/api/chaos")).status()).toBe(200);
});

/** The server's REPLAY_PROGRESS_STEP (its default). */
const STEP = 50;
/** More than one step: the job reports 50 and 100 before 120. */
const COUNT = 120;

/** A Socket.IO frame's event name and payload, when it carries one ("42[name, payload]"). */
function readSocketEvent(message: string | Buffer): { name: string; payload: unknown } | null {
  if (typeof message !== "string" || !message.startsWith("42")) return null;
  const [name, payload] = JSON.parse(message.slice(2)) as [string, unknown];
  return { name, payload };
}

/**
 * Holds back a replay job's progress once the page has seen one step strictly between 0 and the end:
 * every later `replay_job` push and every read of a job wait until `release()`. Whatever the server's
 * speed, the page then shows that step for as long as the test looks at it.
 */
async function gateReplayProgress(page: Page): Promise<{ release: () => void }> {
  let open = false;
  let intermediateSeen = false;
  const held: Array<() => void> = [];
  let releaseReads: () => void = () => {};
  const readsReleased = new Promise<void>((resolve) => (releaseReads = resolve));

  await page.routeWebSocket(/\/socket\.io\//, (socket) => {
    const server = socket.connectToServer();
    server.onMessage((message) => {
      const event = readSocketEvent(message);
      if (!open && event?.name === "replay_job") {
        const job = event.payload as ReplayJobProgress;
        const intermediate = job.state === "running" && job.processed > 0 && job.processed < job.total;
        // The start (0 done) and the first step in between go through; the end, or anything after that step, waits.
        if (intermediateSeen || job.state !== "running" || (job.processed > 0 && !intermediate)) {
          held.push(() => socket.send(message));
          return;
        }
        if (intermediate) intermediateSeen = true;
      }
      socket.send(message);
    });
  });
  await page.route("**/api/dlq/replay-jobs/*", async (route) => {
    if (route.request().method() !== "GET") return route.fallback();
    if (!open) await readsReleased;
    await route.fulfill({ response: await route.fetch() });
  });
  return {
    release: () => {
      open = true;
      releaseReads();
      for (const send of held.splice(0)) send();
    },
  };
}

test("the replay dialog says it is running, shows the job's steps, and Escape closes it with focus back on Replay", async ({
  page,
  request,
}) => {
  test.setTimeout(180_000);
  const tag = await makeDeadLetters(request, COUNT, "e2e-replay-dialog");
  const gate = await gateReplayProgress(page);

  await page.goto(`/dlq?q=${tag}`);
  await expect(page.getByTestId("dlq-row")).toHaveCount(50);
  await page.getByTestId("dlq-select-filter").click();
  const replayButton = page.getByTestId("dlq-replay");
  await replayButton.click();

  const dialog = page.getByTestId("replay-dialog");
  await expect(dialog.getByTestId("replay-dry-run").getByTestId("replay-count-requeued")).toContainText(formatInteger(COUNT));
  await expect(dialog).toContainText("Nothing is sent until you confirm");
  await dialog.getByTestId("replay-confirm").click();

  // From the press on, the dialog speaks of the running job, never of the dry run.
  await expect(dialog.getByTestId("replay-running")).toBeVisible();
  await expect(dialog).not.toContainText("Nothing is sent until you confirm");
  await expect(dialog.getByTestId("replay-dry-run")).toHaveCount(0);
  const bar = dialog.getByTestId("replay-progressbar");
  await expect(bar).toHaveAttribute("data-state", "running");
  // A step between the start and the end: the bar moved before the job was done.
  await expect.poll(async () => Number(await bar.getAttribute("aria-valuenow")), { timeout: 60_000 }).toBeGreaterThan(0);
  const step = Number(await bar.getAttribute("aria-valuenow"));
  expect(step).toBe(STEP);
  await expect(bar).toHaveAttribute("aria-valuemax", String(COUNT));
  await expect(dialog.getByTestId("replay-status")).toHaveText(`Replaying: ${formatInteger(step)} of ${formatInteger(COUNT)} entries`);
  expect(await bar.evaluate((node) => (node.firstElementChild as HTMLElement).style.width)).toBe(`${Math.round((step / COUNT) * 100)}%`);

  // Escape closes it at once, the job still running; focus is back on the button that opened it.
  await page.keyboard.press("Escape");
  await expect(dialog).toHaveCount(0);
  await expect(replayButton).toBeFocused();
  const status = page.getByTestId("dlq-job-status");
  await expect(status).toHaveAttribute("data-state", "running");
  await expect(status).toHaveText(`Replay running: ${formatInteger(step)} of ${formatInteger(COUNT)} entries`);

  gate.release();
  await expect(status).toHaveAttribute("data-state", "done", { timeout: 60_000 });
  await expect(status).toHaveText(`Last replay done: ${formatInteger(COUNT)} entries handled, ${formatInteger(COUNT)} requeued`);
  // The selection is let go once the job ends; the button keeps focus (aria-disabled, not disabled).
  await expect(replayButton).toHaveAttribute("aria-disabled", "true");
  await expect(replayButton).toBeFocused();
  const stored = (await (await request.get(`/api/dlq?q=${tag}&limit=500`)).json()) as DeadLetterPage;
  expect(stored.entries.filter((e) => e.replayCount === 1)).toHaveLength(COUNT);
  // The page's open count follows the replay as the summary does.
  await expect
    .poll(async () => {
      const summary = (await (await request.get("/api/dlq/summary")).json()) as DlqSummary;
      const shown = await page.getByTestId("dlq-counts").locator("strong").textContent();
      return shown === formatInteger(summary.open);
    })
    .toBe(true);
});

test("focus returns to where it was after the entry panel and a region control dialog", async ({ page, request }) => {
  test.setTimeout(120_000);
  const tag = await makeDeadLetters(request, 1, "e2e-focus");
  await page.goto(`/dlq?q=${tag}`);
  const row = page.getByTestId("dlq-row");
  await expect(row).toHaveCount(1);
  await row.focus();
  await page.keyboard.press("Enter");
  const panel = page.getByTestId("dlq-entry");
  await expect(panel).toBeVisible();
  await page.keyboard.press("Escape");
  await expect(panel).toHaveCount(0);
  await expect(row).toBeFocused();

  // A station's menu item opens the confirmation; cancelling it returns focus to the menu's button.
  await page.goto("/");
  const trigger = page.getByTestId("station-pune-actions");
  await expect(trigger).toBeEnabled();
  await trigger.click();
  await page.getByRole("menuitem").first().click();
  const confirm = page.getByTestId("confirm-dialog");
  await expect(confirm).toBeVisible();
  await page.keyboard.press("Escape");
  await expect(confirm).toHaveCount(0);
  await expect(trigger).toBeFocused();
});
