import { describe, expect, it } from "vitest";
import { drillRequestSchema } from "./drill-api";

describe("drillRequestSchema", () => {
  it("takes a drill on one region or every region, trimming the error text", () => {
    expect(
      drillRequestSchema.parse({ component: "processor", region: "pune", errorMessage: " timeout ", rate: 0.3, durationSeconds: 60 }),
    ).toEqual({ component: "processor", region: "pune", errorMessage: "timeout", rate: 0.3, durationSeconds: 60 });
    expect(drillRequestSchema.parse({ component: "history", errorMessage: "x", rate: 1, durationSeconds: 3600 })).toEqual({
      component: "history",
      errorMessage: "x",
      rate: 1,
      durationSeconds: 3600,
    });
  });

  it.each([
    [
      { component: "kafka", errorMessage: "x", rate: 1, durationSeconds: 1 },
      "component must be one of processor, store, commands, history",
    ],
    [{ component: "store", errorMessage: "", rate: 1, durationSeconds: 1 }, "errorMessage must not be empty"],
    [{ component: "store", errorMessage: "   ", rate: 1, durationSeconds: 1 }, "errorMessage must not be empty"],
    [{ component: "store", errorMessage: "x", rate: 1.5, durationSeconds: 1 }, "rate must be from 0 to 1"],
    [{ component: "store", errorMessage: "x", rate: Number.NaN, durationSeconds: 1 }, "rate must be a number from 0 to 1"],
    [{ component: "store", errorMessage: "x", rate: 1, durationSeconds: 0 }, "durationSeconds must be 1 to 3600"],
    [{ component: "store", errorMessage: "x", rate: 1, durationSeconds: 1.5 }, "durationSeconds must be whole"],
    [
      { component: "store", region: "chennai", errorMessage: "x", rate: 1, durationSeconds: 1 },
      "region must be one of mumbai, delhi, bangalore, hyderabad, pune, kolkata",
    ],
    [{ component: "store", errorMessage: "x", rate: 1, durationSeconds: 1, by: "me" }, 'Unrecognized key: "by"'],
  ])("refuses %j: %s", (input, message) => {
    const parsed = drillRequestSchema.safeParse(input);
    expect(parsed.success ? null : parsed.error.issues[0]!.message).toBe(message);
  });
});
