import { DEFAULT_ALERT_RULES } from "@/core/alerts/alert-rules";
import { expect, test, type APIRequestContext } from "../fixtures";
import type { AlertRule } from "@/core/alerts/alert-rules";

const name = `Kolkata lag (e2e ${Date.now()})`;

async function findRule(request: APIRequestContext): Promise<AlertRule | undefined> {
  return ((await (await request.get("/api/alert-rules")).json()) as { rules: AlertRule[] }).rules.find((r) => r.name === name);
}

// The e2e server is shared by every spec: the test deletes its rule through the form, and this catches a run that stopped first.
test.afterEach(async ({ request }) => {
  const left = await findRule(request);
  if (left) expect((await request.delete(`/api/alert-rules/${left.id}`)).status()).toBe(200);
});

test("an admin creates a rule with the form, sees each bad field explained, edits it, silences it and deletes it", async ({
  page,
  request,
}) => {
  await page.goto("/alerts/rules");
  await expect(page.getByTestId("rules").locator('tbody tr[data-testid^="rule-"]')).toHaveCount(DEFAULT_ALERT_RULES.length);

  await page.getByTestId("rule-new").click();
  const dialog = page.getByTestId("rule-dialog");
  await dialog.getByTestId("rule-metric").selectOption("consumer_lag_messages");
  await expect(dialog.getByTestId("rule-warning")).toHaveValue("100000");
  await dialog.getByTestId("rule-critical").fill("5");
  await dialog.getByTestId("rule-save").click();
  await expect(dialog.getByText("must not be empty")).toBeVisible();
  await expect(dialog.getByText("must be at or beyond warning in the bad direction (above)")).toBeVisible();
  await expect(dialog.getByText("must be an http(s) URL")).toBeVisible();

  await dialog.getByTestId("rule-name").fill(name);
  await dialog.getByTestId("rule-region").selectOption("kolkata");
  await dialog.getByTestId("rule-critical").fill("500000");
  await dialog.getByTestId("rule-runbook").fill("https://runbooks.example/kolkata-lag");
  await dialog.getByTestId("rule-save").click();
  await expect(dialog).toBeHidden();

  const row = page.getByTestId("rules").locator("tr", { hasText: name });
  await expect(row).toContainText("Consumer lag");
  await expect(row).toContainText("Kolkata");
  await expect(row).toContainText("above 1.0L events / 5.0L events");

  await row.getByRole("button", { name: "Edit" }).click();
  await dialog.getByTestId("rule-window").fill("30");
  await dialog.getByTestId("rule-save").click();
  await expect(dialog).toBeHidden();
  await expect(row).toContainText("30 s");
  const stored = await findRule(request);
  expect(stored).toMatchObject({ windowSeconds: 30, region: "kolkata" });

  await row.getByRole("button", { name: "Silence" }).click();
  const silence = page.getByTestId("silence-dialog");
  await silence.getByTestId("silence-submit").click();
  await expect(silence.getByTestId("silence-missing")).toHaveText("Say why, so the room knows.");
  await silence.getByTestId("silence-duration").selectOption("30");
  await silence.getByTestId("silence-reason").fill("e2e: planned broker move");
  await silence.getByTestId("silence-submit").click();
  await expect(silence).toBeHidden();
  await expect(page.getByTestId("silences")).toContainText(`${name} in Kolkata`);
  await expect(page.getByTestId("silences")).toContainText("e2e: planned broker move");

  await row.getByRole("button", { name: "Delete" }).click();
  await page.getByTestId("rule-delete-confirm").click();
  await expect(row).toHaveCount(0);
  await expect(page.getByTestId("rules").locator('tbody tr[data-testid^="rule-"]')).toHaveCount(DEFAULT_ALERT_RULES.length);
});
