import { execSync } from "node:child_process";
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

/** The pid of the process listening on `port` (the e2e server), read from the kernel's socket table. */
function findListener(port: string): number {
  const line = execSync(`ss -ltnpH 'sport = :${port}'`, { encoding: "utf8" });
  const pid = /pid=(\d+)/.exec(line)?.[1];
  if (!pid) throw new Error(`nothing listens on port ${port}: ${line}`);
  return Number(pid);
}

// The case: the server process stopped (SIGSTOP), its sockets open and silent.
test("a stopped server process marks the board STALE within 3.5 s of its last snapshot, and LIVE again when it continues", async ({
  page,
  baseURL,
}) => {
  await page.goto("/");
  const indicator = page.getByTestId("live-indicator");
  await expect(indicator).toHaveAttribute("data-state", "live");
  const pid = findListener(new URL(baseURL!).port);
  process.kill(pid, "SIGSTOP");
  try {
    // The last snapshot arrived at most a tick before the stop; STALE follows 2.5 s after it.
    await expect(indicator).toHaveAttribute("data-state", "stale", { timeout: 3500 });
    await expect(indicator).toContainText(/STALE\s*last snapshot \d+s ago/);
  } finally {
    process.kill(pid, "SIGCONT");
  }
  await expect(indicator).toHaveAttribute("data-state", "live", { timeout: 10_000 });
});
