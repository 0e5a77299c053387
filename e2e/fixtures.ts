import { test as base } from "@playwright/test";
import { readAdminCsrfToken } from "./auth-state";

export { expect } from "@playwright/test";
export type { APIRequestContext, Locator, Page } from "@playwright/test";

/** Specs run signed in as admin (storageState); this adds the session's CSRF token to their API requests. */
export const test = base.extend({
  extraHTTPHeaders: async ({}, use) => {
    await use({ "x-csrf-token": readAdminCsrfToken() });
  },
});
