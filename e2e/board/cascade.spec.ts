import { expect, test, type APIRequestContext } from "../fixtures";
import { injectPuneEvents } from "../pune-errors";

type RegionsView = {
  regions: Array<{ region: string; active: boolean; health: string; healthReason: string }>;
  changes: Array<{ region: string; action: string; mode: string; reason: string }>;
};
type AlertsView = { alerts: Array<{ id: string; ruleName: string; region: string; state: string }> };

const CASCADE_RULE = "Errors follow the viewers: likely content or client, not region";

const readRegions = async (request: APIRequestContext) => (await (await request.get("/api/regions")).json()) as RegionsView;
const regionOf = async (request: APIRequestContext, id: string) => (await readRegions(request)).regions.find((r) => r.region === id)!;

test("errors that follow the viewers fail one region over, never the region they spill into, and raise an alert instead", async ({
  page,
  request,
}) => {
  // Two health checks (30 s apart) and the alert's 60 s window, then clean-up.
  test.setTimeout(330_000);
  // Pune's viewers err (a bad manifest on their CDN, say): wherever they are served, they err.
  const injection = injectPuneEvents(request, 1200, 1);
  try {
    await page.goto("/");

    // The first check after the errors began fails Pune over automatically.
    await expect.poll(async () => (await regionOf(request, "pune")).active, { timeout: 45_000, intervals: [1_000] }).toBe(false);
    expect((await readRegions(request)).changes.find((c) => c.region === "pune")).toMatchObject({ action: "failover", mode: "automatic" });

    // Its viewers, and their errors, now land in Mumbai. The next check finds Mumbai unhealthy but keeps it in routing.
    await expect
      .poll(async () => (await regionOf(request, "mumbai")).healthReason, { timeout: 45_000, intervals: [1_000] })
      .toMatch(
        /^error rate [\d.]+% > 5% in the last \d+ s; not failed over: errors follow the viewers: [\d.]+% of the viewers spilled in from Pune err, [\d.]+% of Mumbai's own; likely content or client, not region$/,
      );
    const mumbai = await regionOf(request, "mumbai");
    expect([mumbai.active, mumbai.health]).toEqual([true, "unhealthy"]);
    const refusal = (await readRegions(request)).changes.find((c) => c.region === "mumbai");
    expect(refusal).toMatchObject({ action: "failover_refused", mode: "automatic", reason: mumbai.healthReason });

    // The board says so on Mumbai's station, and lists the refusal among the region changes.
    await expect(page.getByTestId("station-mumbai")).toHaveAttribute("data-active", "true");
    await expect(page.getByTestId("station-mumbai-health")).toHaveAttribute("title", /not failed over: errors follow the viewers/);
    await expect(
      page.getByTestId("region-changes").locator('li[data-region="mumbai"][data-action="failover_refused"]').first(),
    ).toContainText("kept in routing by a guard");

    // Pune stays out: its viewers still err where they are served now (no failback on what was never measured).
    expect((await regionOf(request, "pune")).active).toBe(false);
    await expect
      .poll(async () => (await regionOf(request, "pune")).healthReason, { timeout: 45_000, intervals: [1_000] })
      .toMatch(/^its viewers, served elsewhere: error rate [\d.]+% > 5% over [\d,]+ events in the last \d+ s$/);

    // The alert fires for Mumbai, the receiving region, as for any other: on the strip and in the history.
    const alert = page.getByTestId("alerts").locator("li", { hasText: CASCADE_RULE });
    await expect(alert).toBeVisible({ timeout: 75_000 });
    await expect(alert).toContainText("Mumbai");
    const active = (await (await request.get("/api/alerts?state=active&region=mumbai")).json()) as AlertsView;
    expect(active.alerts.filter((a) => a.ruleName === CASCADE_RULE)).toHaveLength(1);

    // The timeline carries both automatic decisions with their reasons.
    await page.goto("/timeline?region=mumbai");
    await expect(page.getByTestId("timeline").locator('li[data-action="failover_refused"]').first()).toContainText(
      "Mumbai kept in routing by a guard (automatic)",
    );
  } finally {
    await injection.stop();
  }

  // Clean-up for the specs after this one: the errors stopped, Pune back in routing, the alert resolved.
  if (!(await regionOf(request, "pune")).active) {
    expect([200, 409]).toContain(
      (await request.post("/api/regions/pune/failback", { data: { reason: "e2e clean-up after the cascade" } })).status(),
    );
  }
  await expect
    .poll(
      async () =>
        ((await (await request.get("/api/alerts?state=active&region=mumbai")).json()) as AlertsView).alerts.filter(
          (a) => a.ruleName === CASCADE_RULE,
        ).length,
      { timeout: 90_000, intervals: [2_000] },
    )
    .toBe(0);
});
