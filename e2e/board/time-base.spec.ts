import { expect, test, type Locator, type Page } from "../fixtures";
import type { AlertRule, AlertView } from "@/core/alerts/alert-rules";
import {
  describeTimeZone,
  formatClockTime,
  formatDayTime,
  formatZonedClockTime,
  IST_TIME_ZONE,
  type TimeBase,
} from "@/components/ui/time-format";
import { makeDeadLetters } from "../dlq/dead-letters";

// The browser runs in New York, so "this browser's zone" is not India's and every time must move when switched.
const BROWSER_ZONE = "America/New_York";
test.use({ timezoneId: BROWSER_ZONE });

let ruleId: string | null = null;

// The e2e server is shared by every spec: the rule made here is deleted (its alert resolves) and the drill ended.
test.afterEach(async ({ request }) => {
  if (ruleId) expect((await request.delete(`/api/alert-rules/${ruleId}`)).status()).toBe(200);
  ruleId = null;
  expect((await request.delete("/api/chaos")).status()).toBe(200);
});

const IST = { timeZone: IST_TIME_ZONE, label: "IST" };
const browser = () => ({ timeZone: BROWSER_ZONE, label: describeTimeZone(BROWSER_ZONE, Date.now()) });

/** Picks the time base in the account menu (every page has it) and closes the menu again. */
async function chooseTimeBase(page: Page, base: TimeBase): Promise<void> {
  const menu = page.getByTestId("user-menu");
  await page.getByTestId("signed-in-user").click();
  await menu.getByTestId(`time-base-${base}`).check();
  await page.getByTestId("signed-in-user").click();
  await expect(menu).not.toHaveAttribute("open");
}

/** A <time> element's instant and the text it shows, read together so a ticking clock cannot slip between them. */
async function readTime(time: Locator): Promise<{ at: number; text: string }> {
  const [dateTime, text] = await time.evaluate((node) => [node.getAttribute("datetime"), node.textContent]);
  return { at: Date.parse(dateTime ?? ""), text: text ?? "" };
}

test("one time base on every page: IST by default, the browser's zone when chosen, labelled wherever times show", async ({
  page,
  request,
}) => {
  test.setTimeout(180_000);
  // An alert (a rule Mumbai's simulated traffic breaches at once) for the board, the alert history and the
  // timeline, and a dead letter for the DLQ page.
  const created = await request.post("/api/alert-rules", {
    data: {
      name: `Mumbai has traffic (e2e time base ${Date.now()})`,
      metric: "events_per_second",
      region: "mumbai",
      direction: "above",
      warning: 1,
      critical: 1_000_000_000,
      clearThreshold: null,
      windowSeconds: 10,
      channels: ["webhook"],
      impact: "LOW",
      runbookUrl: "https://runbooks.example/e2e-time-base",
    },
  });
  expect(created.status()).toBe(201);
  ruleId = ((await created.json()) as AlertRule).id;
  const tag = await makeDeadLetters(request, 1, "e2e-time-base");
  let found: AlertView | undefined;
  await expect
    .poll(
      async () => {
        found = ((await (await request.get(`/api/alerts?ruleId=${ruleId}`)).json()) as { alerts: AlertView[] }).alerts[0];
        return found?.state;
      },
      { timeout: 60_000 },
    )
    .toBe("firing");
  const alert = found!;

  // The board: IST by default, beside the clock, on the charts and in the alert strip.
  await page.goto("/");
  const header = page.locator("header").first();
  const clock = page.getByTestId("board-clock");
  await expect(header.getByTestId("time-zone")).toHaveText("IST");
  await expect(clock).toHaveText(/^\d{2}:\d{2}:\d{2}$/);
  let shown = await readTime(clock);
  expect(shown.text).toBe(formatClockTime(shown.at, IST_TIME_ZONE));
  await expect(page.getByText("events/s by region · IST")).toBeVisible();
  const strip = page.getByTestId(`alert-${alert.id}`);
  await expect(strip).toContainText(`since ${formatZonedClockTime(alert.firedAt, IST)}`);

  // Switched to the browser's zone: the clock, the charts and the strip follow at once, and say so.
  await chooseTimeBase(page, "local");
  await expect(header.getByTestId("time-zone")).toHaveText(browser().label);
  shown = await readTime(clock);
  expect(shown.text).toBe(formatClockTime(shown.at, BROWSER_ZONE));
  expect(shown.text).not.toBe(formatClockTime(shown.at, IST_TIME_ZONE));
  await expect(page.getByText(`events/s by region · ${browser().label}`)).toBeVisible();
  await expect(strip).toContainText(`since ${formatZonedClockTime(alert.firedAt, browser())}`);

  // The choice is this browser's: a reload keeps it.
  await page.reload();
  await expect(page.locator("header").first().getByTestId("time-zone")).toHaveText(browser().label);

  // The DLQ page, in the browser's zone, then back to IST from its own menu.
  await page.goto(`/dlq?q=${tag}`);
  const deadLetteredAt = page.getByTestId("dlq-dead-lettered-at");
  await expect(deadLetteredAt).toHaveCount(1);
  await expect(page.getByRole("columnheader", { name: `Dead-lettered (${browser().label})` })).toBeVisible();
  shown = await readTime(deadLetteredAt);
  expect(shown.text).toBe(formatDayTime(shown.at, BROWSER_ZONE));
  await chooseTimeBase(page, "ist");
  await expect(page.getByRole("columnheader", { name: "Dead-lettered (IST)" })).toBeVisible();
  await expect(deadLetteredAt).toHaveText(formatDayTime(shown.at, IST_TIME_ZONE));
  await expect(page.getByText("From (IST)")).toBeVisible();

  // The alert history, in IST, then in the browser's zone.
  await page.goto(`/alerts?ruleId=${ruleId}`);
  const firedAt = page.getByTestId(`alert-row-${alert.id}`).getByTestId("alert-fired-at");
  await expect(page.getByRole("columnheader", { name: "Fired (IST)" })).toBeVisible();
  await expect(firedAt).toHaveText(formatDayTime(alert.firedAt, IST_TIME_ZONE));
  await chooseTimeBase(page, "local");
  await expect(page.getByRole("columnheader", { name: `Fired (${browser().label})` })).toBeVisible();
  await expect(firedAt).toHaveText(formatDayTime(alert.firedAt, BROWSER_ZONE));

  // The timeline, in the browser's zone, then in IST: its entries and its header follow.
  await page.goto(`/timeline?region=mumbai&alert=${alert.id}`);
  const fired = page.getByTestId("timeline").locator("li[data-highlighted][data-action=fired]").getByTestId("timeline-time");
  await expect(page.locator("header").first().getByTestId("time-zone")).toHaveText(browser().label);
  await expect(fired.locator("span").first()).toHaveText(formatClockTime(alert.firedAt, BROWSER_ZONE));
  await chooseTimeBase(page, "ist");
  await expect(page.locator("header").first().getByTestId("time-zone")).toHaveText("IST");
  await expect(fired.locator("span").first()).toHaveText(formatClockTime(alert.firedAt, IST_TIME_ZONE));
});
