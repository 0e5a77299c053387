import { mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import { expect, test as setup } from "@playwright/test";
import { ADMIN_CSRF_PATH, ADMIN_STATE_PATH, E2E_ADMIN_PASSWORD } from "./auth-state";

setup("sign in as admin through POST /api/session", async ({ request }) => {
  const response = await request.post("/api/session", { data: { username: "admin", password: E2E_ADMIN_PASSWORD } });
  expect(response.status()).toBe(200);
  const { csrfToken } = (await response.json()) as { csrfToken: string };
  mkdirSync(path.dirname(ADMIN_STATE_PATH), { recursive: true });
  await request.storageState({ path: ADMIN_STATE_PATH });
  writeFileSync(ADMIN_CSRF_PATH, csrfToken);
});
