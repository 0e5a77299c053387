import { describe, expect, it } from "vitest";
import { createDrillDraft, mapDrillField, toDrillRequest, validateDrillDraft, type DrillDraft } from "./drill-draft";

const draft = (changes: Partial<DrillDraft> = {}): DrillDraft => ({ ...createDrillDraft(), ...changes });

describe("toDrillRequest", () => {
  it("turns the form into the API's body: percent into a fraction, a chosen region, no empty prefix", () => {
    expect(toDrillRequest(draft())).toEqual({
      component: "processor",
      errorMessage: "Connection timeout",
      rate: 0.3,
      durationSeconds: 120,
    });
    expect(toDrillRequest(draft({ region: "pune", ratePercent: "0.5", durationSeconds: "300", eventIdPrefix: " bad- " }))).toEqual({
      component: "processor",
      region: "pune",
      errorMessage: "Connection timeout",
      rate: 0.005,
      durationSeconds: 300,
      eventIdPrefix: "bad-",
    });
  });

  it("sends no region for history, which is not per region, and no prefix but for the processor", () => {
    const request = toDrillRequest(draft({ component: "history", region: "pune", eventIdPrefix: "bad-" }));
    expect(request).toEqual({ component: "history", errorMessage: "Connection timeout", rate: 0.3, durationSeconds: 120 });
  });
});

describe("validateDrillDraft", () => {
  it("finds nothing wrong with a new drill", () => {
    expect(validateDrillDraft(draft())).toEqual({});
  });

  it("gives each bad field the API schema's reason, the rate's in percent", () => {
    expect(validateDrillDraft(draft({ errorMessage: "  ", ratePercent: "120", durationSeconds: "" }))).toEqual({
      errorMessage: "errorMessage must not be empty",
      ratePercent: "rate must be a percentage from 0 to 100",
      durationSeconds: "durationSeconds must be a number",
    });
    expect(validateDrillDraft(draft({ ratePercent: "lots", durationSeconds: "4000" }))).toEqual({
      ratePercent: "rate must be a percentage from 0 to 100",
      durationSeconds: "durationSeconds must be 1 to 3600",
    });
    expect(validateDrillDraft(draft({ durationSeconds: "1.5" }))).toEqual({ durationSeconds: "durationSeconds must be whole" });
  });
});

describe("mapDrillField", () => {
  it("puts the server's field problems beside the form's fields and leaves unknown ones to the dialog", () => {
    expect(mapDrillField("rate", "rate must be from 0 to 1")).toEqual({
      field: "ratePercent",
      message: "rate must be a percentage from 0 to 100",
    });
    expect(mapDrillField("region", "region must be one of …")).toEqual({ field: "region", message: "region must be one of …" });
    expect(mapDrillField("", 'Unrecognized key: "by"')).toBeNull();
  });
});
