import { defineConfig } from "@playwright/test";
import { ADMIN_STATE_PATH, E2E_ADMIN_PASSWORD } from "./e2e/auth-state";

const PORT = Number(process.env.E2E_PORT ?? 3107);

// Debian's Chromium, never a downloaded browser: this machine cannot fetch one.
export default defineConfig({
  testDir: "e2e",
  timeout: 60_000,
  expect: { timeout: 15_000 },
  fullyParallel: false,
  workers: 1,
  retries: 0,
  reporter: process.env.PLAYWRIGHT_JSON_OUTPUT_NAME ? [["list"], ["json"]] : [["list"]],
  outputDir: "test-results/e2e",
  use: {
    baseURL: `http://127.0.0.1:${PORT}`,
    viewport: { width: 1920, height: 1080 },
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
      args: [
        "--no-sandbox",
        "--disable-gpu",
        "--disable-dev-shm-usage",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
      ],
    },
  },
  // The setup project signs in as admin once; every spec starts from that session.
  projects: [
    { name: "setup", testMatch: /auth\.setup\.ts/ },
    { name: "chromium", testIgnore: /auth\.setup\.ts/, dependencies: ["setup"], use: { storageState: ADMIN_STATE_PATH } },
  ],
  webServer: {
    // A fresh data folder each run; short rollups so a reload finds history within seconds.
    command: `rm -rf .data/e2e .data/e2e-auth && NODE_ENV=production ADMIN_PASSWORD=${E2E_ADMIN_PASSWORD} DATA_DIR=.data/e2e PORT=${PORT} HOST=127.0.0.1 SIMULATOR_VIEWERS=50000 ROLLUP_SECONDS=2 node_modules/.bin/tsx server/main.ts`,
    url: `http://127.0.0.1:${PORT}/api/healthz`,
    timeout: 90_000,
    reuseExistingServer: false,
    stdout: "pipe",
    stderr: "pipe",
    gracefulShutdown: { signal: "SIGTERM", timeout: 15_000 },
  },
});
