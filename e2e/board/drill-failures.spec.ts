import { expect, test } from "../fixtures";

// The e2e server is shared by every spec: the drill made here is ended, and it only takes the alternative path.
test.afterEach(async ({ request }) => {
  expect((await request.delete("/api/chaos")).status()).toBe(200);
});

test("a drill visibly does something: the station shows its processing failures, and the error rate says it excludes them", async ({
  page,
  request,
}) => {
  await page.goto("/");
  const failed = page.getByTestId("station-bangalore-failed");
  await expect(failed).toHaveText("0/s");

  // PERSISTENT failures take the alternative path: counted as failures, nothing dead-lettered.
  const drill = await request.post("/api/chaos", {
    data: {
      component: "processor",
      region: "bangalore",
      errorMessage: "blocked_user in entitlement check",
      rate: 0.5,
      durationSeconds: 60,
    },
  });
  expect(drill.status()).toBe(201);
  await expect(failed).not.toHaveText("0/s");
  await expect(failed.locator("..")).toHaveAttribute("data-level", "warning");
  await expect(failed).toHaveAttribute(
    "title",
    /processing failures in the last second \(not in the error rate\)\nsince start: [\d,]+ catastrophic, [\d,]+ persistent/,
  );

  expect((await request.delete("/api/chaos")).status()).toBe(200);
  await expect(failed).toHaveText("0/s");
});
