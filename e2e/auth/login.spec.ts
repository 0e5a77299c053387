import { expect, test, type APIRequest, type APIRequestContext, type Page } from "@playwright/test";
import type { UserView } from "@/core/auth/auth";
import { ADMIN_STATE_PATH, E2E_ADMIN_PASSWORD, readAdminCsrfToken } from "../auth-state";

// These specs sign in through the form themselves, so they start signed out.
test.use({ storageState: { cookies: [], origins: [] } });

/** Usernames unique to this run: the e2e server is shared by every spec, and these users are deleted again. */
const viewerName = `e2e-viewer-${Date.now()}`;
const operatorName = `e2e-operator-${Date.now()}`;

/** An API client signed in as admin, for the setup and clean-up these signed-out specs cannot do themselves. */
function openAdminRequest(requests: APIRequest, baseURL: string): Promise<APIRequestContext> {
  return requests.newContext({ baseURL, storageState: ADMIN_STATE_PATH, extraHTTPHeaders: { "x-csrf-token": readAdminCsrfToken() } });
}

test.afterEach(async ({ playwright, baseURL }) => {
  const admin = await openAdminRequest(playwright.request, baseURL!);
  try {
    const { users } = (await (await admin.get("/api/users")).json()) as { users: UserView[] };
    for (const user of users.filter((u) => u.username === viewerName || u.username === operatorName)) {
      expect((await admin.delete(`/api/users/${user.id}`)).status()).toBe(200);
    }
  } finally {
    await admin.dispose();
  }
});

async function signIn(page: Page, username: string, password: string): Promise<void> {
  await page.getByTestId("login-username").fill(username);
  await page.getByTestId("login-password").fill(password);
  await page.getByTestId("login-submit").click();
}

test("the login page signs in, shows a wrong password's error, and returns where the person was going", async ({ page }) => {
  await page.goto("/cost");
  await expect(page).toHaveURL(/\/login\?next=%2Fcost$/);

  await signIn(page, "admin", "not-the-password");
  await expect(page.getByTestId("login-error")).toHaveText("Wrong username or password.");

  await signIn(page, "admin", E2E_ADMIN_PASSWORD);
  await expect(page).toHaveURL(/\/cost$/);
  await expect(page.getByTestId("signed-in-user")).toHaveText("admin");
  await expect(page.getByTestId("signed-in-role")).toHaveText("admin");
});

test("a viewer sees the board with every control disabled as Operators only", async ({ page, playwright, baseURL }) => {
  const admin = await openAdminRequest(playwright.request, baseURL!);
  const created = await admin.post("/api/users", { data: { username: viewerName, password: "e2e-viewer-password", role: "viewer" } });
  expect(created.status()).toBe(201);
  await admin.dispose();

  await page.goto("/login");
  await signIn(page, viewerName, "e2e-viewer-password");
  await expect(page).toHaveURL(/\/$/);
  await expect(page.getByTestId("signed-in-role")).toHaveText("viewer");
  await expect(page.getByTestId("nav-users")).toHaveCount(0);
  // The board is live for a viewer: the socket handshake took the session.
  await expect(page.getByTestId("live-indicator")).toHaveAttribute("data-state", "live", { timeout: 20_000 });
  const actions = page.getByTestId("station-pune-actions");
  await expect(actions).toBeDisabled();
  await expect(actions).toHaveAttribute("title", "Operators only");
});

test("Sign out returns to /login and the board needs signing in again", async ({ page }) => {
  await page.goto("/login");
  await signIn(page, "admin", E2E_ADMIN_PASSWORD);
  await expect(page.getByTestId("user-menu")).toBeVisible();
  await page.getByTestId("signed-in-user").click();
  await page.getByTestId("sign-out").click();
  await expect(page).toHaveURL(/\/login$/);
  await page.goto("/");
  await expect(page).toHaveURL(/\/login\?next=%2F$/);
});

test("an admin creates a user with a role on /admin/users and deletes it after confirming", async ({ page }) => {
  await page.goto("/login?next=%2Fadmin%2Fusers");
  await signIn(page, "admin", E2E_ADMIN_PASSWORD);
  await expect(page).toHaveURL(/\/admin\/users$/);
  await page.getByTestId("new-user-username").fill(operatorName);
  await page.getByTestId("new-user-password").fill("e2e-operator-password");
  await page.getByTestId("new-user-role").selectOption("operator");
  await page.getByTestId("new-user-create").click();
  await expect(page.getByTestId(`user-${operatorName}-role`)).toHaveValue("operator");
  await page.getByTestId(`user-${operatorName}-role`).selectOption("viewer");
  await expect(page.getByTestId(`user-${operatorName}-role`)).toHaveValue("viewer");
  await page.getByTestId(`user-${operatorName}-delete`).click();
  await page.getByTestId(`user-${operatorName}-delete-confirm`).click();
  await expect(page.getByTestId(`user-${operatorName}`)).toHaveCount(0);
  await expect(page.getByTestId("user-admin-delete")).toBeDisabled();
});
