import { readFileSync } from "node:fs";

/** The password the e2e server gives `admin` on its first start. */
export const E2E_ADMIN_PASSWORD = "e2e-admin-password";

/** Where the setup project leaves admin's signed-in browser state and CSRF token for every spec. */
export const ADMIN_STATE_PATH = ".data/e2e-auth/admin.json";
export const ADMIN_CSRF_PATH = ".data/e2e-auth/admin-csrf.txt";

export function readAdminCsrfToken(): string {
  return readFileSync(ADMIN_CSRF_PATH, "utf8");
}
