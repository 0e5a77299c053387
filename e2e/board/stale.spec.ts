import { expect, test } from "../fixtures";

// A socket can stay open while the server hangs or the network goes half-open: here the browser's
// socket stays connected while its server messages stop arriving, as they would then.
test("an open socket that goes quiet marks the board STALE within 4 s, and LIVE again when snapshots return", async ({ page }) => {
  let quiet = false;
  await page.routeWebSocket(/\/socket\.io\//, (ws) => {
    const server = ws.connectToServer();
    server.onMessage((message) => {
      if (!quiet) ws.send(message);
    });
    ws.onMessage((message) => server.send(message));
  });
  await page.goto("/");
  const indicator = page.getByTestId("live-indicator");
  await expect(indicator).toHaveAttribute("data-state", "live");

  quiet = true;
  await expect(indicator).toHaveAttribute("data-state", "stale", { timeout: 4000 });
  await expect(indicator).toContainText(/STALE\s*last snapshot \d+s ago/);
  await expect(page.getByText("The connection is open but no snapshot has arrived since", { exact: false })).toBeVisible();

  quiet = false;
  await expect(indicator).toHaveAttribute("data-state", "live", { timeout: 4000 });
});
